using BluezoneTracker.Core.Figures;

namespace BluezoneTracker.Web.Data.Entities;

public sealed class TargetEntity
{
    public int Id { get; set; }

    public int AreaId { get; set; }

    public AreaEntity? Area { get; set; }

    /// <summary>The share as a fraction (0.5 for 50 %).</summary>
    public decimal Share { get; set; }

    public DateOnly Deadline { get; set; }

    public TargetBasisPreference Basis { get; set; }

    /// <summary>The first report date that uses this target; reports of earlier dates use the target in force then.</summary>
    public DateOnly EffectiveFrom { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public Target ToDomain() => new(Share, Deadline, Basis);
}
