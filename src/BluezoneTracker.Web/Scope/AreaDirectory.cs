using System.Collections.Concurrent;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BluezoneTracker.Web.Scope;

/// <summary>One area of the tree as the scope needs it: its store id, GSO code, name, kind and parent's code.</summary>
public sealed record AreaNode(int Id, string Code, string Name, AreaKind Kind, string? ParentCode);

/// <summary>
/// Every area of the store as a tree of any depth, read in one query and cached per <see cref="DataVersion.Catalog"/>
/// (an area edit raises it; a counts write does not). Answers the scope's questions without another round trip: does a code
/// exist, what is its path from the root, is one area inside another's subtree.
/// </summary>
public sealed class AreaDirectory
{
    private readonly Dictionary<string, AreaNode> _byCode;
    private readonly ILookup<string?, AreaNode> _byParent;

    // Each parent's children in name order, sorted the first time they are asked for: the directory is immutable
    // and kept per catalog version, while the scope asks on every request (menu, wording, table area) — sorting
    // 10 000 names with the culture on each call cost a cold page seconds (docs/decisions/130).
    private readonly ConcurrentDictionary<string, IReadOnlyList<AreaNode>> _children = new(StringComparer.Ordinal);

    /// <summary>A directory of <paramref name="nodes"/> (codes unique; a parent code names another node or none).</summary>
    public AreaDirectory(IEnumerable<AreaNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var list = nodes.ToList();
        _byCode = list.ToDictionary(n => n.Code, StringComparer.Ordinal);
        _byParent = list.ToLookup(n => n.ParentCode, StringComparer.Ordinal);
        Root = list.Where(n => n.ParentCode is null).OrderBy(n => n.Id).FirstOrDefault();
    }

    /// <summary>The first top-level area (the deployment area when none is configured); null in an empty store.</summary>
    public AreaNode? Root { get; }

    /// <summary>How many areas the store holds.</summary>
    public int Count => _byCode.Count;

    /// <summary>The area of a code (exact, after trimming), or null.</summary>
    public AreaNode? Find(string? code) =>
        code is not null && _byCode.TryGetValue(code.Trim(), out var node) ? node : null;

    /// <summary>
    /// The direct children of an area in Vietnamese name order (<see cref="AreaOrder.ByName"/>: name without the kind
    /// prefix, then code), the same list on every call; empty for a leaf or an unknown code.
    /// </summary>
    public IReadOnlyList<AreaNode> ChildrenOf(string code) =>
        _children.GetOrAdd(code, c => AreaOrder.SortByName(_byParent[c], n => n.Name, n => n.Code));

    /// <summary>The areas from the root down to <paramref name="code"/> included (empty for an unknown code).</summary>
    public IReadOnlyList<AreaNode> PathTo(string code)
    {
        var path = new List<AreaNode>();
        for (var node = Find(code); node is not null && path.Count <= _byCode.Count; node = Find(node.ParentCode))
        {
            path.Add(node);
        }

        path.Reverse();
        return path;
    }

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestor"/> or lies anywhere below it.</summary>
    public bool IsWithin(string code, string ancestor) => PathTo(code).Any(n => string.Equals(n.Code, ancestor, StringComparison.Ordinal));
}

/// <summary>Reads the <see cref="AreaDirectory"/>: one query per catalog version, shared by every request.</summary>
public sealed class AreaDirectoryQuery(AppDbContext db, FiguresCache figuresCache, DataVersion version)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>The directory of the current catalog version.</summary>
    public async Task<AreaDirectory> GetAsync(CancellationToken cancellationToken = default)
    {
        var key = Key(version);
        if (TryGetKept(figuresCache, version, out var cached))
        {
            return cached;
        }

        var nodes = await db.Areas.AsNoTracking()
            .Select(a => new AreaNode(a.Id, a.Code, a.Name, a.Kind, a.Parent == null ? null : a.Parent.Code))
            .ToListAsync(cancellationToken);
        var directory = new AreaDirectory(nodes);
        figuresCache.Memory.Set(key, directory, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = directory.Count + 1 });
        return directory;
    }

    private static bool TryGetKept(FiguresCache figuresCache, DataVersion version, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AreaDirectory? directory)
    {
        directory = figuresCache.Memory.TryGetValue(Key(version), out AreaDirectory? cached) ? cached : null;
        return directory is not null;
    }

    // The directory depends on areas only: kept across counts, settings and sign-off writes (docs/decisions/105).
    private static (string, long) Key(DataVersion version) => (nameof(AreaDirectory), version.Catalog);
}
