using BluezoneTracker.Core.Areas;
using BluezoneTracker.Web.Data.Entities;

namespace BluezoneTracker.Web.Data;

/// <summary>
/// Rows of the population history (table <c>Populations</c>): each records an area's population and
/// smartphone-owner figures, with their year and source, and the first report date that uses them.
/// Rows are only inserted; reports pick the row in force on their date (see <c>AreaCatalog.ChildrenOn</c>).
/// </summary>
public static class PopulationHistory
{
    /// <summary>A history row holding <paramref name="area"/>'s figures for the stored area <paramref name="entity"/>.</summary>
    public static PopulationEntity RowFor(AreaEntity entity, Area area, DateOnly effectiveFrom, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(area);
        return new PopulationEntity
        {
            Area = entity,
            EffectiveFrom = effectiveFrom,
            Population = area.Population?.Count,
            PopulationYear = area.Population?.Year,
            PopulationSource = area.Population?.Source,
            SmartphoneOwners = area.SmartphoneOwners?.Count,
            SmartphoneOwnersYear = area.SmartphoneOwners?.Year,
            SmartphoneOwnersSource = area.SmartphoneOwners?.Source,
            RecordedAt = at,
            RecordedBy = by,
        };
    }

    /// <summary>A history row holding the figures currently stored on <paramref name="entity"/> itself.</summary>
    public static PopulationEntity RowFor(AreaEntity entity, DateOnly effectiveFrom, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new PopulationEntity
        {
            AreaId = entity.Id,
            EffectiveFrom = effectiveFrom,
            Population = entity.Population,
            PopulationYear = entity.PopulationYear,
            PopulationSource = entity.PopulationSource,
            SmartphoneOwners = entity.SmartphoneOwners,
            SmartphoneOwnersYear = entity.SmartphoneOwnersYear,
            SmartphoneOwnersSource = entity.SmartphoneOwnersSource,
            RecordedAt = at,
            RecordedBy = by,
        };
    }

    /// <summary>Whether two rows hold the same figures (count, year and source of both), whatever their dates.</summary>
    public static bool SameFigures(PopulationEntity? a, PopulationEntity? b) =>
        a?.Population == b?.Population && a?.PopulationYear == b?.PopulationYear && a?.PopulationSource == b?.PopulationSource
        && a?.SmartphoneOwners == b?.SmartphoneOwners && a?.SmartphoneOwnersYear == b?.SmartphoneOwnersYear
        && a?.SmartphoneOwnersSource == b?.SmartphoneOwnersSource;

    /// <summary>The row in force on <paramref name="date"/>: the newest applying from that date or earlier (later-recorded on a tie).</summary>
    public static PopulationEntity? InForce(IEnumerable<PopulationEntity> rows, DateOnly date) =>
        rows.Where(r => r.EffectiveFrom <= date).OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.Id).FirstOrDefault();
}
