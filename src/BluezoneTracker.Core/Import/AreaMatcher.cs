using BluezoneTracker.Core.Areas;

namespace BluezoneTracker.Core.Import;

/// <summary>How a row of a file was matched to an area, shown in the preview.</summary>
public enum MatchKind
{
    /// <summary>By the area's code.</summary>
    Code,

    /// <summary>By its name exactly as written officially (after NFC composition and spacing).</summary>
    Name,

    /// <summary>By its name ignoring case, diacritics and the kind prefix ("Moc Chau", "H. Mộc Châu").</summary>
    LooseName,
}

/// <summary>
/// Finds a child area by code or by name. Built once per import (dictionaries, so a file of
/// 10.000 commune rows is matched in linear time).
/// </summary>
public sealed class AreaMatcher
{
    private readonly Dictionary<string, Area> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Area> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Area>> _byLooseName = new(StringComparer.Ordinal);

    public AreaMatcher(IEnumerable<Area> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        foreach (var area in children)
        {
            _byCode.TryAdd(area.Code, area);
            _byName.TryAdd(area.Name, area);
            foreach (var key in new[] { LooseName(area.Name), LooseName(area.ShortName) }.Distinct())
            {
                if (!_byLooseName.TryGetValue(key, out var list))
                {
                    list = [];
                    _byLooseName[key] = list;
                }

                if (!list.Contains(area))
                {
                    list.Add(area);
                }
            }
        }
    }

    public Area? ByCode(string code) => _byCode.GetValueOrDefault(code.Trim());

    /// <summary>The area with this name, or null; <paramref name="ambiguous"/> when several fit loosely.</summary>
    public (Area? Area, MatchKind Kind, bool Ambiguous) ByName(string name)
    {
        var normalized = VietnameseText.Normalize(name);
        if (_byName.TryGetValue(normalized, out var exact))
        {
            return (exact, MatchKind.Name, false);
        }

        // A prefix typed without diacritics before a name typed with them ("huyen Mai Sơn") is only
        // recognised once the whole text is folded, so that is tried second.
        var candidates = _byLooseName.GetValueOrDefault(LooseName(normalized))
            ?? _byLooseName.GetValueOrDefault(VietnameseText.StripKindPrefix(VietnameseText.Fold(normalized)));
        return candidates switch
        {
            [var only] => (only, MatchKind.LooseName, false),
            [_, _, ..] => (null, MatchKind.LooseName, true),
            _ => (null, MatchKind.LooseName, false),
        };
    }

    /// <summary>
    /// The key a file's name is matched on: no kind prefix, no diacritics, lower case. Two areas of one
    /// parent with the same key could not be told apart in an upload.
    /// </summary>
    public static string LooseName(string name) => VietnameseText.Fold(VietnameseText.StripKindPrefix(name));
}
