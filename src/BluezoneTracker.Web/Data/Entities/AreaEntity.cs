using BluezoneTracker.Core.Areas;

namespace BluezoneTracker.Web.Data.Entities;

public sealed class AreaEntity
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public AreaKind Kind { get; set; }

    public int? ParentId { get; set; }

    public AreaEntity? Parent { get; set; }

    public long? Population { get; set; }

    public int? PopulationYear { get; set; }

    public string? PopulationSource { get; set; }

    public long? SmartphoneOwners { get; set; }

    public int? SmartphoneOwnersYear { get; set; }

    public string? SmartphoneOwnersSource { get; set; }

    public Area ToDomain(string? parentCode) => new(Code, Name, Kind, parentCode)
    {
        Population = Population is { } p ? new Population(p, PopulationYear ?? 0, PopulationSource ?? string.Empty) : null,
        SmartphoneOwners = SmartphoneOwners is { } s ? new Population(s, SmartphoneOwnersYear ?? 0, SmartphoneOwnersSource ?? string.Empty) : null,
    };

    /// <summary>The row for a domain area (the inverse of <see cref="ToDomain"/>), under <paramref name="parent"/>.</summary>
    public static AreaEntity FromDomain(Area area, AreaEntity? parent)
    {
        ArgumentNullException.ThrowIfNull(area);
        return new()
        {
            Code = area.Code,
            Name = area.Name,
            Kind = area.Kind,
            Parent = parent,
            Population = area.Population?.Count,
            PopulationYear = area.Population?.Year,
            PopulationSource = area.Population?.Source,
            SmartphoneOwners = area.SmartphoneOwners?.Count,
            SmartphoneOwnersYear = area.SmartphoneOwners?.Year,
            SmartphoneOwnersSource = area.SmartphoneOwners?.Source,
        };
    }
}
