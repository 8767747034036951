using BluezoneTracker.Core.Areas;

namespace BluezoneTracker.Core.Figures;

/// <summary>
/// The official annex table for one area on one date: the one model that the dashboard, the
/// HTML page, the JSON/CSV endpoints and the Excel and PDF files are all rendered from.
/// Rates are exact fractions; rounding happens only when a renderer formats them.
/// </summary>
public sealed record AnnexReport(
    Area Area,
    DateOnly Date,
    DateOnly? CompareDate,
    IReadOnlyList<AnnexRow> Rows,
    UnassignedRow Unassigned,
    TotalRow Total,
    IReadOnlyList<DataWarning> Warnings)
{
    /// <summary>How many child areas have a count on <see cref="Date"/> and are therefore ranked.</summary>
    public int RankedCount => Rows.Count(r => r.IsRanked);

    /// <summary>How many child areas have no count on <see cref="Date"/>: listed after the ranked rows, without a rank.</summary>
    public int MissingCount => Rows.Count - RankedCount;

    /// <summary>
    /// The children's level when it is not the one below the area's kind (a province's communes since 7/2025);
    /// null otherwise, so that annexes signed before it existed read back the same.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public AreaLevel? ChildLevel { get; init; }

    /// <summary>The words of this annex: column header, unassigned and total rows, nouns (<see cref="AreaWording"/>).</summary>
    public AreaWording Wording() => AreaWording.For(Area, ChildLevel);
}

/// <summary>
/// One child area's line. Registrations is null when the child is missing from the snapshot of the
/// report date; such a row has no <see cref="Rank"/>, no previous rank and no rank change (issue #10, point 2).
/// </summary>
public sealed record AnnexRow(
    int? Rank,
    string Code,
    string Name,
    long? Population,
    long? Registrations,
    long? Change,
    decimal? Rate,
    decimal? RateChange,
    int? PreviousRank,
    int? RankChange)
{
    public bool ChangeIsNegative => Change < 0;

    /// <summary>True when the area has a count on the report date and so takes part in the ranking.</summary>
    public bool IsRanked => Rank is not null;
}

public sealed record UnassignedRow(long Registrations, long? Change);

/// <summary>
/// The total row. <see cref="Population"/> is the parent's official figure when it has one
/// (else the sum of the rows); <see cref="RowsPopulation"/> is the sum of the rows' populations.
/// </summary>
public sealed record TotalRow(
    long? Population,
    long RowsPopulation,
    long Registrations,
    long? Change,
    decimal? Rate,
    decimal? RateChange);
