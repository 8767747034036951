using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Snapshots;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>How counts for only some areas are saved for a date that has counts.</summary>
public enum IntakeMode
{
    /// <summary>The input is the whole date: areas it leaves out have no count afterwards.</summary>
    Replace,

    /// <summary>Only the input's areas change; every other count of the date is carried over.</summary>
    Update,
}

/// <summary>The <c>mode=replace|update</c> of the API and <c>import --mode</c>, and what it does to the counts.</summary>
public static class IntakeModes
{
    /// <summary>"replace" or "update" (any case); blank is none; anything else a problem.</summary>
    public static (IntakeMode? Mode, ImportProblem? Problem) Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" => (null, null),
        "REPLACE" => (IntakeMode.Replace, null),
        "UPDATE" => (IntakeMode.Update, null),
        _ => (null, new ImportProblem(ImportProblemKind.UnknownMode, Value: text)),
    };

    /// <summary>
    /// Whether the input's areas are known despite these problems, so that "the input has only n of the date's
    /// areas" is true and the replace/update question may be asked. Only problems about the date, the file's name,
    /// the reason or the store leave them known; a file, sheet, column, layout, row or count problem means some
    /// areas were not read (an unreadable file covers none, a row with a bad count still names its area), so asking
    /// would put a second, false message beside the real one (a fresh user's trial, round 8).
    /// </summary>
    public static bool CoverageKnown(IEnumerable<ImportProblem> problems) =>
        problems.All(p => p.Kind is ImportProblemKind.FutureDate or ImportProblemKind.DateTooEarly or ImportProblemKind.FileNameTooLong
            or ImportProblemKind.ReasonTooLong or ImportProblemKind.ReasonRequired or ImportProblemKind.SignedOffDate
            or ImportProblemKind.RevisionMoved or ImportProblemKind.UnchangedCounts or ImportProblemKind.DuplicateFile);

    /// <summary>
    /// The counts to save. Input that leaves out an area the date has a count for, or leaves out the unassigned
    /// count while the date has one that is not 0, is partial: without a mode that is a problem (the choice is the
    /// user's, never guessed: <see cref="ImportProblemKind.ModeRequired"/>, or
    /// <see cref="ImportProblemKind.UnassignedModeRequired"/> when only the unassigned count is left out); with
    /// <see cref="IntakeMode.Update"/> the other counts, and the unassigned count unless the input has one, are
    /// carried over — also when the input has every area; with <see cref="IntakeMode.Replace"/> the input is the date.
    /// </summary>
    public static (SnapshotCounts Counts, ImportProblem? Problem) Apply(SnapshotCounts input, bool inputHasUnassigned, SnapshotCounts? current, IntakeMode? mode)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (current is null || mode == IntakeMode.Replace)
        {
            return (input, null);
        }

        var leftOut = current.Registrations.Keys.Count(code => !input.Registrations.ContainsKey(code));
        var unassignedLeftOut = !inputHasUnassigned && current.Unassigned != 0;
        if (leftOut == 0 && !unassignedLeftOut)
        {
            return (input, null);
        }

        if (mode is null)
        {
            return (input, leftOut > 0
                ? new ImportProblem(
                    ImportProblemKind.ModeRequired,
                    Value: input.Registrations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Other: current.Registrations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : new ImportProblem(
                    ImportProblemKind.UnassignedModeRequired,
                    Value: current.Unassigned.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var merged = new Dictionary<string, long>(current.Registrations, StringComparer.Ordinal);
        foreach (var (code, count) in input.Registrations)
        {
            merged[code] = count;
        }

        return (new SnapshotCounts(input.Date, merged, inputHasUnassigned ? input.Unassigned : current.Unassigned), null);
    }
}
