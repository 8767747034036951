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
}
