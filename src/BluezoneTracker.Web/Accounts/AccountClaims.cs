using System.Security.Claims;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Accounts;

/// <summary>
/// Identity's principal plus the account's assigned area (<see cref="ActingUser.AreaClaim"/>, its GSO code):
/// the cookie and every API token carry it, so the area is known without a query per request. An account
/// without an area works in the deployment area.
/// </summary>
internal sealed class AccountClaims(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db, IOptions<DeploymentOptions> deployment)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var configured = deployment.Value.AreaCode;
        var code = user.AreaId is { } id
            ? await db.Areas.AsNoTracking().Where(a => a.Id == id).Select(a => a.Code).FirstOrDefaultAsync()
            : await db.Areas.AsNoTracking()
                .Where(a => string.IsNullOrEmpty(configured) ? a.ParentId == null : a.Code == configured)
                .OrderBy(a => a.Id).Select(a => a.Code).FirstOrDefaultAsync();

        // No claim in a store without areas yet: the account then works wherever the deployment's area will be.
        if (code is not null)
        {
            identity.AddClaim(new Claim(ActingUser.AreaClaim, code));
        }

        return identity;
    }
}
