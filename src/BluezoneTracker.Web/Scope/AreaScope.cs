using BluezoneTracker.Web.Figures;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Scope;

/// <summary>
/// The area a request (or a command) works on, resolved once: from <c>/areas/{code}/…</c>, from <c>?area=</c>,
/// else the deployment area (<c>Deployment:AreaCode</c>, or the top of the tree). Every page, endpoint and
/// service takes the area from here instead of working it out again (docs/decisions/040).
/// A service used outside a request (the <c>import</c> verb, a test) that finds the scope unresolved
/// gets the deployment area.
/// <para>
/// It runs for nearly every request, before the response cache, and takes its queries (and so a store context)
/// by constructor: the context is pooled (<see cref="Data.StoreProvider.AddStoreContext"/>), so a warm request
/// leases one and builds neither options nor a context (docs/decisions/140, 145).
/// </para>
/// </summary>
public sealed class AreaScope(AreaDirectoryQuery directories, FiguresQuery figures, IOptions<DeploymentOptions> deployment)
{
    private AreaDirectory? _directory;
    private AreaNode? _area;

    /// <summary>The code asked for when it named no area (for the 404 message); null when the scope resolved.</summary>
    public string? UnknownCode { get; private set; }

    /// <summary>True once <see cref="ResolveAsync"/> ran (whatever it found).</summary>
    public bool IsResolved { get; private set; }

    /// <summary>The area; null only in an empty store or for an unknown code.</summary>
    public AreaNode? Area => _area;

    /// <summary>The area's code; throws when there is no area (an empty store).</summary>
    public string Code => _area?.Code ?? throw new InvalidOperationException("No area is configured.");

    /// <summary>True when the request named its area explicitly (route or query), so links keep it.</summary>
    public bool IsExplicit { get; private set; }

    /// <summary>True when the area is the deployment area (the routes without <c>/areas/{code}</c> serve it).</summary>
    public bool IsDeploymentArea { get; private set; }

    /// <summary>The deployment area (the one anonymous readers and the plain routes get).</summary>
    public AreaNode? DeploymentArea { get; private set; }

    /// <summary>The tree the scope was resolved in (same data version as the area).</summary>
    public AreaDirectory Directory => _directory ?? throw new InvalidOperationException("The area scope is not resolved yet.");

    /// <summary>The areas from the root down to this one: the breadcrumbs (Việt Nam › Tỉnh Sơn La › Huyện Mộc Châu).</summary>
    public IReadOnlyList<AreaNode> Path => _area is null ? [] : Directory.PathTo(_area.Code);

    /// <summary>
    /// The words of this area's kind and its children's level (decision 045); null before the scope is
    /// resolved or without an area, where the callers keep the dispatch's district words. Worked out once per
    /// scope: every warning's sentence asks for it, and the area is resolved once.
    /// </summary>
    public BluezoneTracker.Core.Areas.AreaWording? Wording => _area is null
        ? null
        : _wording ??= BluezoneTracker.Core.Areas.AreaWording.For(
            new BluezoneTracker.Core.Areas.Area(_area.Code, _area.Name, _area.Kind),
            Children.Select(c => new BluezoneTracker.Core.Areas.Area(c.Code, c.Name, c.Kind)));

    private BluezoneTracker.Core.Areas.AreaWording? _wording;

    /// <summary>
    /// Whether <paramref name="actor"/> may open the pages of the area <paramref name="code"/> — the one rule of
    /// docs/decisions/041: an account reads its own area's subtree (an account without an area, the whole tree);
    /// an anonymous reader the deployment area's subtree (<c>Access:PublicDashboard</c> and the policies decide the
    /// rest). <see cref="AreaRouting.UseAreaScope"/> answers 403 by it, and every link to another area asks it
    /// before it is drawn, so that no page offers a link that 403s (docs/decisions/083).
    /// </summary>
    public bool MayOpen(Accounts.ActingUser actor, string code)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(code);
        if (actor.Kind == Accounts.ActorKind.Anonymous)
        {
            return DeploymentArea is { } home && Directory.IsWithin(code, home.Code);
        }

        return actor.AreaCode is not { } own || Directory.IsWithin(code, own);
    }

    /// <summary>
    /// Whether <paramref name="actor"/>'s own area (the deployment area for an account without one) has a counts
    /// table, i.e. child areas. An account of an area without children can enter counts nowhere — its count is a row
    /// of the parent's table, outside its subtree — so it is offered neither intake nor API tokens (decision 083).
    /// False while the scope is not resolved.
    /// </summary>
    public bool HasTableOf(Accounts.ActingUser actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsResolved)
        {
            return false;
        }

        return (actor.AreaCode ?? DeploymentArea?.Code) is { } own && Directory.ChildrenOf(own).Count > 0;
    }

    /// <summary>
    /// The area whose counts table holds this area's count: the area itself when it has children, else its parent
    /// (an area without children has no table of its own, decision 067); null without an area, or for a top area
    /// without children.
    /// </summary>
    public AreaNode? TableArea => _area is null ? null
        : Children.Count > 0 ? _area
        : _area.ParentCode is { } parent ? Directory.Find(parent) : null;

    /// <summary>The area's direct children, by name (empty for a leaf).</summary>
    public IReadOnlyList<AreaNode> Children => _area is null ? [] : Directory.ChildrenOf(_area.Code);

    /// <summary>
    /// Resolves the scope from a code (blank: the deployment area). Returns false for a code that names no
    /// area; the request then ends with a 404 naming it. A second call with another code is a programming error.
    /// </summary>
    public async Task<bool> ResolveAsync(string? code, CancellationToken cancellationToken = default)
    {
        if (IsResolved)
        {
            var asked = string.IsNullOrWhiteSpace(code) ? DeploymentArea?.Code : code.Trim();
            return string.Equals(asked, _area?.Code, StringComparison.Ordinal)
                ? true
                : throw new InvalidOperationException("The area scope is resolved once per request.");
        }

        _directory = await directories.GetAsync(cancellationToken);
        DeploymentArea = deployment.Value.AreaCode is { Length: > 0 } configured ? _directory.Find(configured) : _directory.Root;
        IsResolved = true;
        if (string.IsNullOrWhiteSpace(code))
        {
            _area = DeploymentArea;
        }
        else
        {
            IsExplicit = true;
            _area = _directory.Find(code);
            if (_area is null)
            {
                UnknownCode = code.Trim();
                return false;
            }
        }

        IsDeploymentArea = _area is not null && string.Equals(_area.Code, DeploymentArea?.Code, StringComparison.Ordinal);
        return true;
    }

    /// <summary>The area's catalog (children, target, dates), or null in an empty store; cached per data version.</summary>
    public async Task<AreaCatalog?> CatalogAsync(CancellationToken cancellationToken = default)
    {
        if (!IsResolved)
        {
            await ResolveAsync(null, cancellationToken);
        }

        return _area is null ? null : await figures.CatalogAsync(_area.Code, cancellationToken);
    }

    /// <summary>The area's code after resolving the deployment area if nothing was resolved yet (null in an empty store).</summary>
    public async Task<string?> CodeAsync(CancellationToken cancellationToken = default)
    {
        if (!IsResolved)
        {
            await ResolveAsync(null, cancellationToken);
        }

        return _area?.Code;
    }
}
