using System.Security.Claims;
using BluezoneTracker.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Accounts;

/// <summary>
/// Checks a sign-in cookie against the store on every request: the user must still exist, be enabled
/// and carry the security stamp the cookie was issued with. Sign-out, a password change, a disable and
/// a role change all renew the stamp, so an old cookie stops working at its next request — on every
/// instance that shares the database, with no session table (see docs/decisions/020).
/// </summary>
/// <remarks>
/// Replaces Identity's <c>SecurityStampValidator</c>, which checks only once per interval and, at
/// interval zero, would re-issue the cookie on every response; this costs one primary-key read.
/// </remarks>
internal static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal?.FindFirstValue(claims.SecurityStampClaimType);
        if (id is not null && stamp is not null)
        {
            var db = services.GetRequiredService<AppDbContext>();
            var stored = await db.Users.AsNoTracking()
                .Where(u => u.Id == id)
                .Select(u => new { u.SecurityStamp, u.IsDisabled })
                .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (stored is { IsDisabled: false } && string.Equals(stored.SecurityStamp, stamp, StringComparison.Ordinal))
            {
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
