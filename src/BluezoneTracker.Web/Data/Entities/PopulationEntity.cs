namespace BluezoneTracker.Web.Data.Entities;

/// <summary>
/// One population figure of an area (and its smartphone-owner estimate), with its year, source and
/// the date from which reports use it. Rows are only ever inserted: a report for date D uses the
/// newest row whose <see cref="EffectiveFrom"/> is on or before D.
/// </summary>
public sealed class PopulationEntity
{
    public long Id { get; set; }

    public int AreaId { get; set; }

    public AreaEntity? Area { get; set; }

    /// <summary>The first report date (Vietnam calendar) that uses this figure.</summary>
    public DateOnly EffectiveFrom { get; set; }

    public long? Population { get; set; }

    public int? PopulationYear { get; set; }

    public string? PopulationSource { get; set; }

    public long? SmartphoneOwners { get; set; }

    public int? SmartphoneOwnersYear { get; set; }

    public string? SmartphoneOwnersSource { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string RecordedBy { get; set; } = string.Empty;
}
