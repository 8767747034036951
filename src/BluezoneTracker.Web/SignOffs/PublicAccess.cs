using BluezoneTracker.Core.Formatting;

namespace BluezoneTracker.Web.SignOffs;

/// <summary>
/// With <c>Access:PublicDashboard</c>, anonymous readers see only signed-off dates: no date means
/// the latest signed-off one, and a date that is not signed off needs a sign-in. Only the deployment area
/// and the areas below it are public; another area needs a sign-in.
/// </summary>
public sealed class PublicAccess(IHttpContextAccessor http, Scope.AreaScope scope, SignOffs signOffs)
{
    /// <summary>The date to show (ISO), or <c>Allowed = false</c> when the reader must sign in.</summary>
    public async Task<(bool Allowed, string? Date)> ResolveAsync(string? date, CancellationToken cancellationToken = default)
    {
        if (http.HttpContext?.User.Identity?.IsAuthenticated == true)
        {
            return (true, date);
        }

        // Anonymous readers get the deployment area and its subtree, never another part of the tree.
        var catalog = await scope.CatalogAsync(cancellationToken);
        if (catalog is null || !scope.MayOpen(Accounts.ActingUser.Anonymous, catalog.Area.Code))
        {
            return (false, date);
        }

        var signed = await signOffs.SignedDatesAsync(catalog, cancellationToken);
        if (string.IsNullOrWhiteSpace(date))
        {
            return signed.Count == 0 ? (false, null) : (true, VietnameseFormat.IsoDate(signed.Max()));
        }

        return (VietnameseFormat.TryParseIsoDate(date.Trim(), out var asked) && signed.Contains(asked), date);
    }
}
