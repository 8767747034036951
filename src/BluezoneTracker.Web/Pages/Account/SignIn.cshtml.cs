using System.ComponentModel.DataAnnotations;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages.Account;

/// <summary>Sign-in with user name and password; five failures lock the account for 15 minutes.</summary>
public sealed class SignInModel(SignInManager<AppUser> signIn, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.UserManager.FindByNameAsync(Input.UserName.Trim());
        if (user is { IsDisabled: true })
        {
            await audit.RecordAsync(AuditKinds.SignInFailed, Input.UserName.Trim(), after: new { Reason = "Disabled" }, userName: string.Empty, cancellationToken: cancellationToken);
            ModelState.AddModelError(string.Empty, localizer["Tài khoản này đã bị vô hiệu hoá. Vui lòng liên hệ quản trị viên."]);
            return Page();
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditKinds.SignIn, user!.UserName!, userName: user.UserName, cancellationToken: cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/");
        }

        await audit.RecordAsync(AuditKinds.SignInFailed, Input.UserName.Trim(),
            after: new { Reason = result.IsLockedOut ? "LockedOut" : "WrongPassword" }, userName: string.Empty, cancellationToken: cancellationToken);
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? localizer["Tài khoản tạm bị khoá do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút."]
            : localizer["Tên đăng nhập hoặc mật khẩu không đúng."]);
        return Page();
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")]
        [StringLength(256)]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
        [DataType(DataType.Password)]
        [StringLength(256)]
        public string Password { get; set; } = string.Empty;
    }
}
