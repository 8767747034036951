using System.Globalization;
using System.Text.RegularExpressions;

namespace BluezoneTracker.Core.Formatting;

/// <summary>
/// Text written the way a date is (2020-02-30, 30/2/2020) that names no day of the calendar: a month beyond 12
/// or a day beyond the month's length. Lets a message say "that day does not exist" instead of blaming the format.
/// </summary>
/// <param name="Year">The year as written.</param>
/// <param name="Month">The month as written (may be 0 or above 12).</param>
/// <param name="Day">The day as written.</param>
public sealed partial record ImpossibleDate(int Year, int Month, int Day)
{
    /// <summary>Whether the month exists (1–12); if so, the day is what is wrong.</summary>
    public bool MonthExists => Month is >= 1 and <= 12;

    /// <summary>The number of days of the month, when it exists.</summary>
    public int? DaysInMonth => MonthExists && Year is >= 1 and <= 9999 ? DateTime.DaysInMonth(Year, Month) : null;

    /// <summary>The impossible date <paramref name="text"/> writes (ISO year-month-day or Vietnamese day/month/year), or null when it is a real date or no date at all.</summary>
    public static ImpossibleDate? Of(string? text)
    {
        var s = (text ?? string.Empty).Trim();
        if (VietnameseFormat.TryParseDate(s, out _))
        {
            return null;
        }

        if (Iso().Match(s) is { Success: true } iso)
        {
            return Make(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value);
        }

        return Vietnamese().Match(s) is { Success: true } vi ? Make(vi.Groups["y"].Value, vi.Groups["m"].Value, vi.Groups["d"].Value) : null;
    }

    private static ImpossibleDate? Make(string year, string month, string day)
    {
        var date = new ImpossibleDate(Number(year), Number(month), Number(day));
        // Day 0 or a year 0 is not "a day the month lacks": leave those to the format message.
        return date.Year >= 1 && date.Day >= 1 && (!date.MonthExists || date.Day > date.DaysInMonth) ? date : null;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex Vietnamese();
}
