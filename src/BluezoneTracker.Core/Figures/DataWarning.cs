namespace BluezoneTracker.Core.Figures;

/// <summary>
/// An inconsistency in the inputs, shown to the user and never silently corrected.
/// The fields that matter depend on <see cref="Kind"/>; the UI turns them into a sentence.
/// </summary>
public sealed record DataWarning(
    DataWarningKind Kind,
    string? AreaCode = null,
    string? AreaName = null,
    long? Value = null,
    long? Other = null,
    DateOnly? OtherDate = null,
    int? Count = null,
    DateOnly? Date = null)
{
    /// <summary>For <see cref="DataWarningKind.TwoSourcesDiffer"/>: the revision of the parent's snapshot.</summary>
    public int? OtherRevision { get; init; }

    /// <summary>For <see cref="DataWarningKind.TwoSourcesDiffer"/>: the name of the area whose snapshot holds the other count (the parent).</summary>
    public string? OtherAreaName { get; init; }

    /// <summary>
    /// For <see cref="DataWarningKind.FileDateDiffers"/> found in how the file was read rather than in its text: the name of
    /// the sheet read ("18-8"), or — with <see cref="Value"/> = the header's line — the count column's header ("đến 18/8/2020").
    /// </summary>
    public string? NamedBy { get; init; }

    /// <summary>For <see cref="DataWarningKind.FileDateDiffers"/> with <see cref="NamedBy"/>: whether it is the sheet's name (else a column's header).</summary>
    public bool BySheet { get; init; }
}

public enum DataWarningKind
{
    /// <summary>Children's populations do not add up to the parent's official figure. Value = official, Other = sum.</summary>
    PopulationMismatch,

    /// <summary>Registrations exceed population. Value = registrations, Other = population.</summary>
    RegistrationsAbovePopulation,

    /// <summary>A count is lower than on an earlier date. Value = now, Other = then, OtherDate = then.</summary>
    CountDecreased,

    /// <summary>A child has no count in the snapshot of the report date.</summary>
    MissingFromSnapshot,

    /// <summary>A child has no count on the comparison date, so its change is unknown. OtherDate = comparison date.</summary>
    MissingOnComparisonDate,

    /// <summary>A count has not changed for several snapshots. Value = the count, Count = number of snapshots.</summary>
    Unchanged,

    /// <summary>A child has no population (or zero), so its rate cannot be computed.</summary>
    PopulationUnknown,

    /// <summary>The unassigned count decreased. Value = now, Other = then, OtherDate = then.</summary>
    UnassignedDecreased,

    /// <summary>A total typed in a file differs from the sum of its rows. Value = typed, Other = sum.</summary>
    TypedTotalMismatch,

    /// <summary>A daily increase far above the recent pace. Value = per day now, Other = per day before, OtherDate = previous snapshot.</summary>
    JumpAbovePace,

    /// <summary>
    /// The date written in a file differs from the date chosen for it. Value = the file's line, OtherDate = the file's date, Date = the chosen date;
    /// or the sheet read, or the count column read, is named for another date (<see cref="DataWarning.NamedBy"/>).
    /// </summary>
    FileDateDiffers,

    /// <summary>
    /// An area's own snapshot (children plus unassigned) and its row in the parent's snapshot differ on a date (decision 050).
    /// Value = own snapshot's count, Other = parent row's count, Count = own revision, OtherRevision = parent's revision, Date = the date.
    /// </summary>
    TwoSourcesDiffer,
}
