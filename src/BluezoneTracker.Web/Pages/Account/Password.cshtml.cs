using System.ComponentModel.DataAnnotations;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Pages.Admin.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages.Account;

/// <summary>
/// Any signed-in user changes their own password. The security stamp changes with it, so the user's
/// other sessions are signed out at their next check; this one is signed in again with the new stamp.
/// </summary>
public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid && Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError("Input.NewPassword", localizer["Mật khẩu mới phải khác mật khẩu hiện tại."]);
        }

        if (!ModelState.IsValid)
        {
            return Refused();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            return await WrongAsync(user, result.Errors, cancellationToken);
        }

        // ChangePasswordAsync renewed the security stamp; a fresh cookie keeps this session valid.
        await users.ResetAccessFailedCountAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditKinds.PasswordChanged, user.UserName!, cancellationToken: cancellationToken);
        Changed = true;
        return Page();
    }

    /// <summary>
    /// A wrong current password counts as a failed sign-in, so the form cannot be used to guess it:
    /// after five the account is locked and this session signed out, as on the sign-in page.
    /// </summary>
    private async Task<IActionResult> WrongAsync(AppUser user, IEnumerable<IdentityError> errors, CancellationToken cancellationToken)
    {
        foreach (var error in errors)
        {
            if (error.Code != nameof(IdentityErrorDescriber.PasswordMismatch))
            {
                ModelState.AddModelError("Input.NewPassword", PasswordRules.Describe(error, localizer));
                continue;
            }

            await users.AccessFailedAsync(user);
            await audit.RecordAsync(AuditKinds.SignInFailed, user.UserName!, after: new { Reason = "WrongCurrentPassword" }, cancellationToken: cancellationToken);
            if (await users.IsLockedOutAsync(user))
            {
                await signIn.SignOutAsync();
                return RedirectToPage("/Account/SignIn");
            }

            ModelState.AddModelError("Input.CurrentPassword", localizer["Mật khẩu hiện tại không đúng."]);
        }

        return Refused();
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Vui lòng nhập mật khẩu hiện tại.")]
        [DataType(DataType.Password)]
        [StringLength(256)]
        [Display(Name = "Mật khẩu hiện tại")]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu mới.")]
        [DataType(DataType.Password)]
        [StringLength(256, ErrorMessage = "Mật khẩu dài quá {1} ký tự.")]
        [Display(Name = "Mật khẩu mới")]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Vui lòng nhập lại mật khẩu mới.")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "Mật khẩu nhập lại không khớp với mật khẩu mới.")]
        [Display(Name = "Nhập lại mật khẩu mới")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
