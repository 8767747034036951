using System.ComponentModel.DataAnnotations;
using BluezoneTracker.Web.Accounts;
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

        var name = Input.UserName.Trim();
        var (outcome, user) = await SignInAttempt.TryAsync(signIn, name, Input.Password);
        if (outcome is SignInOutcome.SignedIn)
        {
            await audit.RecordAsync(AuditKinds.SignIn, user!.UserName!, userName: user.UserName, cancellationToken: cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/");
        }

        await audit.RecordAsync(AuditKinds.SignInFailed, name, after: new { Reason = outcome.ToString() }, userName: string.Empty, cancellationToken: cancellationToken);

        // Only someone who knows the password learns that the account is disabled or locked; every
        // other failure reads the same, so the form cannot tell which user names exist.
        ModelState.AddModelError(string.Empty, outcome switch
        {
            SignInOutcome.DisabledRightPassword => localizer["Tài khoản này đã bị vô hiệu hoá. Vui lòng liên hệ quản trị viên."],
            SignInOutcome.LockedOutRightPassword => localizer["Tài khoản tạm bị khoá do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút."],
            _ => localizer["Tên đăng nhập hoặc mật khẩu không đúng."],
        });
        return Page();
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")]
        [StringLength(256)]
        [Display(Name = "Tên đăng nhập")]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
        [DataType(DataType.Password)]
        [StringLength(256)]
        [Display(Name = "Mật khẩu")]
        public string Password { get; set; } = string.Empty;
    }
}
