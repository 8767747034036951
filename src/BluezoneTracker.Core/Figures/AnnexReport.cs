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

    /// <summary>
    /// Which children have a count on the report and comparison dates, set only when some are missing on a date
    /// the total depends on: then the total's rate, change and rate change are withheld (null), and its
    /// registrations are the sum of the reporting rows only. Null when every child reported on both dates, and on
    /// annexes signed before it existed, so that those read back and render byte for byte as signed.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public AnnexCompleteness? Completeness { get; init; }

    /// <summary>True when the total's rate (and every figure of the parent that needs all children on the report date) is withheld.</summary>
    public bool TotalIsWithheld => Completeness is { IsComplete: false };

    /// <summary>True when the total's change and rate change (and the parent's pace) are withheld: a child is missing on either date.</summary>
    public bool ChangeIsWithheld => Completeness is { ChangeIsComplete: false };

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

/// <summary>
/// How many of an area's children have a count on the report date and on the comparison date, and the names
/// of those missing on each (in Vietnamese name order). A figure of the parent that needs every child is
/// withheld unless they all reported on every date it depends on.
/// </summary>
/// <param name="Children">The number of child areas.</param>
/// <param name="Reported">Children with a count on the report date.</param>
/// <param name="CompareReported">Children with a count on the comparison date; null without a comparison date.</param>
/// <param name="Missing">Names of the children without a count on the report date.</param>
/// <param name="MissingOnCompare">Names of the children without a count on the comparison date.</param>
public sealed record AnnexCompleteness(
    int Children,
    int Reported,
    int? CompareReported,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> MissingOnCompare)
{
    /// <summary>True when every child has a count on the report date.</summary>
    public bool IsComplete => Reported == Children;

    /// <summary>True when every child has a count on the report date and on the comparison date (if any).</summary>
    public bool ChangeIsComplete => IsComplete && (CompareReported is null || CompareReported == Children);
}

public sealed record UnassignedRow(long Registrations, long? Change);

/// <summary>
/// The total row. <see cref="Population"/> is the parent's official figure when it has one
/// (else the sum of the rows); <see cref="RowsPopulation"/> is the sum of the rows' populations.
/// <see cref="Registrations"/> is always the sum of the rows; when a child is missing it is the sum of the
/// reporting children only, and <see cref="Rate"/>, <see cref="Change"/> and <see cref="RateChange"/> are
/// null (see <see cref="AnnexReport.Completeness"/>).
/// </summary>
public sealed record TotalRow(
    long? Population,
    long RowsPopulation,
    long Registrations,
    long? Change,
    decimal? Rate,
    decimal? RateChange);
