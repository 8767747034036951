using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Accounts;

/// <summary>
/// The reason of a page's 403 for a signed-in account without the role: which roles the page is for and which one
/// the account holds, e.g. "Trang này chỉ dành cho tài khoản Lãnh đạo duyệt hoặc Quản trị viên; tài khoản của bạn
/// là Cán bộ nhập liệu." The page's role comes from its authorization metadata (the policies of
/// <see cref="AccountSetup.ApplyAccessConventions"/>, named as the roles are).
/// </summary>
internal static class RoleRefusal
{
    /// <summary>The sentence, localized; null when the page's requirement is not a role (e.g. the reader policy).</summary>
    public static string? Say(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var needed = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy)
            .Where(Roles.IsKnown)
            .Aggregate((string?)null, (most, p) => most is null || Roles.Includes(p!, most) ? p : most);
        var held = Roles.HighestOf(context.User.IsInRole);
        if (needed is null || held is null)
        {
            return null;
        }

        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var allowed = Roles.AtLeast(needed).Select(r => localizer[Roles.Label(r)!].Value).ToList();
        var list = allowed.Count == 1 ? allowed[0] : string.Join(", ", allowed[..^1]) + localizer[" hoặc "].Value + allowed[^1];
        return localizer["Trang này chỉ dành cho tài khoản {0}; tài khoản của bạn là {1}.", list, localizer[Roles.Label(held)!].Value].Value;
    }
}
