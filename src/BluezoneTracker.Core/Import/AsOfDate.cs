using BluezoneTracker.Core.Formatting;

namespace BluezoneTracker.Core.Import;

/// <summary>The as-of date typed by a person: ISO (2020-08-18) or Vietnamese (18/8/2020), never after today nor before the first accepted date.</summary>
public static class AsOfDate
{
    public static (DateOnly? Date, ImportProblem? Problem) Parse(string? text, DateOnly today) =>
        Parse(text, new AcceptedDates(AcceptedDates.DefaultEarliest, today));

    /// <summary>Parses within <paramref name="accepted"/>; a date after its end is a future date.</summary>
    public static (DateOnly? Date, ImportProblem? Problem) Parse(string? text, AcceptedDates accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var s = (text ?? string.Empty).Trim();
        if (!VietnameseFormat.TryParseDate(s, out var date))
        {
            return (null, new ImportProblem(ImportProblemKind.MalformedDate, Value: s));
        }

        if (date > accepted.Latest)
        {
            return (null, new ImportProblem(ImportProblemKind.FutureDate, Value: VietnameseFormat.IsoDate(date)));
        }

        return date < accepted.Earliest
            ? (null, new ImportProblem(ImportProblemKind.DateTooEarly, Value: VietnameseFormat.IsoDate(date), Other: VietnameseFormat.IsoDate(accepted.Earliest)))
            : (date, null);
    }
}
