namespace BluezoneTracker.Core.Areas;

/// <summary>An immutable tree of areas built from a flat list.</summary>
public sealed class AreaTree
{
    private readonly Dictionary<string, Area> _byCode;
    private readonly Dictionary<string, List<Area>> _children;

    public AreaTree(IEnumerable<Area> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        _byCode = new Dictionary<string, Area>(StringComparer.Ordinal);
        _children = new Dictionary<string, List<Area>>(StringComparer.Ordinal);
        foreach (var area in areas)
        {
            if (!_byCode.TryAdd(area.Code, area))
            {
                throw new ArgumentException($"Duplicate area code {area.Code}.", nameof(areas));
            }
        }

        foreach (var area in _byCode.Values)
        {
            if (area.ParentCode is null)
            {
                continue;
            }

            if (!_byCode.ContainsKey(area.ParentCode))
            {
                throw new ArgumentException($"Area {area.Code} has unknown parent {area.ParentCode}.", nameof(areas));
            }

            if (!_children.TryGetValue(area.ParentCode, out var list))
            {
                list = [];
                _children[area.ParentCode] = list;
            }

            list.Add(area);
        }

        foreach (var list in _children.Values)
        {
            list.Sort(AreaOrder.ByName);
        }
    }

    public IReadOnlyCollection<Area> All => _byCode.Values;

    public IEnumerable<Area> Roots => _byCode.Values.Where(a => a.ParentCode is null);

    public Area? Find(string code) => _byCode.GetValueOrDefault(code);

    public Area Get(string code) =>
        Find(code) ?? throw new KeyNotFoundException($"No area with code {code}.");

    /// <summary>Direct children in Vietnamese name order.</summary>
    public IReadOnlyList<Area> ChildrenOf(string code) =>
        _children.TryGetValue(code, out var list) ? list : [];

    public Area? ParentOf(Area area)
    {
        ArgumentNullException.ThrowIfNull(area);
        return area.ParentCode is null ? null : Find(area.ParentCode);
    }
}
