namespace BluezoneTracker.Core.Areas;

/// <summary>
/// An administrative area: country, province, district or commune. Areas form a tree through
/// <see cref="ParentCode"/>; nothing assumes a fixed depth.
/// </summary>
public sealed record Area
{
    public Area(string code, string name, AreaKind kind, string? parentCode = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Code = code.Trim();
        Name = VietnameseText.Normalize(name);
        Kind = kind;
        ParentCode = parentCode;
    }

    /// <summary>Stable code; the official GSO administrative code where known (Sơn La is "14").</summary>
    public string Code { get; }

    /// <summary>Name as written officially, with its kind prefix ("Huyện Mộc Châu").</summary>
    public string Name { get; }

    public AreaKind Kind { get; }

    public string? ParentCode { get; }

    public Population? Population { get; init; }

    /// <summary>Estimated number of smartphone owners, where known (an alternative target basis).</summary>
    public Population? SmartphoneOwners { get; init; }

    /// <summary>The name without its kind prefix ("Mộc Châu"), used for sorting and matching.</summary>
    public string ShortName => VietnameseText.StripKindPrefix(Name);
}

public enum AreaKind
{
    Country,
    Province,
    City,
    Town,
    RuralDistrict,
    Commune,
    Ward,
    Township,
}

/// <summary>A head count (people or smartphone owners) with the year and source of the figure.</summary>
public sealed record Population
{
    public Population(long count, int year, string source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        Year = year;
        Source = source ?? string.Empty;
    }

    public long Count { get; }

    public int Year { get; }

    public string Source { get; }
}
