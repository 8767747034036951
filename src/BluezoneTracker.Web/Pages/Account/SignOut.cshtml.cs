using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BluezoneTracker.Web.Pages.Account;

/// <summary>Signs out (POST only, with the anti-forgery token); the cookie stops working everywhere at once.</summary>
public sealed class SignOutModel(SignInManager<AppUser> signIn, AuditLog audit) : PageModel
{
    /// <summary>Asks to confirm (the shared pages' plain link, without script); signing out itself is a POST.</summary>
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await audit.RecordAsync(AuditKinds.SignOut, User.Identity?.Name ?? string.Empty, cancellationToken: cancellationToken);

        // A new security stamp makes every copy of this cookie worthless at once (SessionCheck),
        // including one kept by an attacker. It ends the user's sessions on other devices too.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("~/account/signin");
    }
}
