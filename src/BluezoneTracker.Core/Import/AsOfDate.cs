using BluezoneTracker.Core.Formatting;

namespace BluezoneTracker.Core.Import;

/// <summary>The as-of date typed by a person: ISO (2020-08-18) or Vietnamese (18/8/2020), never after today.</summary>
public static class AsOfDate
{
    public static (DateOnly? Date, ImportProblem? Problem) Parse(string? text, DateOnly today)
    {
        var s = (text ?? string.Empty).Trim();
        if (!VietnameseFormat.TryParseDate(s, out var date))
        {
            return (null, new ImportProblem(ImportProblemKind.MalformedDate, Value: s));
        }

        return date > today
            ? (null, new ImportProblem(ImportProblemKind.FutureDate, Value: VietnameseFormat.IsoDate(date)))
            : (date, null);
    }
}
