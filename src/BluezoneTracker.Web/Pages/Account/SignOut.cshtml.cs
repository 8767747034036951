using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BluezoneTracker.Web.Pages.Account;

/// <summary>Signs out (POST only, with the anti-forgery token).</summary>
public sealed class SignOutModel(SignInManager<AppUser> signIn, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("~/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await audit.RecordAsync(AuditKinds.SignOut, User.Identity?.Name ?? string.Empty, cancellationToken: cancellationToken);
        await signIn.SignOutAsync();
        return LocalRedirect("~/account/signin");
    }
}
