using System.Globalization;
using BluezoneTracker.Core.Formatting;

namespace BluezoneTracker.Web.Localization;

/// <summary>
/// Numbers and dates inside the UI's own sentences, in the UI language: Vietnamese as
/// <see cref="VietnameseFormat"/> writes them ("1.248.415", "20,4 %", "17/8/2020", "09:30 ngày 18/8/2020"),
/// English the reader's way ("1,248,415", "20.4 %", "8/17/2020", "8/18/2020 9:30 AM").
/// </summary>
/// <remarks>
/// Rounding stays in <see cref="VietnameseFormat"/> (the one place it happens): English only trades the
/// separators of the already rounded text. The official annex and its files never use this class; they
/// are Vietnamese whatever the reader's language.
/// </remarks>
public static class UiFormat
{
    // Vietnamese unless the UI is English: the app speaks these two, and a caller without a request culture
    // (the import verb, a background job) writes the official language.
    private static bool Vietnamese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en";

    /// <summary>How many characters (text elements) of the user's input a message quotes before cutting it (<see cref="Echo"/>).</summary>
    public const int EchoLength = 40;

    /// <summary>
    /// The user's input as a message quotes it: whole up to <see cref="EchoLength"/> characters, else its first
    /// <see cref="EchoLength"/> and "…" ("2020-08-1…"), cut between letters (never inside a letter and its marks or a
    /// surrogate pair). A 5 000-character date is named, not printed in full (a fresh user's trial, round 8). Null is "".
    /// </summary>
    public static string Echo(string? text)
    {
        if (text is null || text.Length <= EchoLength)
        {
            return text ?? string.Empty;
        }

        var letters = new StringInfo(text);
        return letters.LengthInTextElements <= EchoLength ? text : letters.SubstringByTextElements(0, EchoLength) + "…";
    }

    /// <summary>"84.126" / "84,126".</summary>
    public static string Count(long value) => Separators(VietnameseFormat.Count(value));

    /// <summary>A decimal count rounded to a whole number.</summary>
    public static string Count(decimal value) => Separators(VietnameseFormat.Count(value));

    /// <summary>"3.973,4" / "3,973.4".</summary>
    public static string Number(decimal value, int decimals) => Separators(VietnameseFormat.Number(value, decimals));

    /// <summary>"+ 4.024" / "+ 4,024".</summary>
    public static string Change(long value) => Separators(VietnameseFormat.Change(value));

    /// <summary>"20,4 %" / "20.4 %".</summary>
    public static string Percent(decimal fraction, int decimals) => Separators(VietnameseFormat.Percent(fraction, decimals));

    /// <summary>"+ 1,35 điểm %" / "+ 1.35 pp" (the unit comes translated).</summary>
    public static string Points(decimal fractionDifference, int decimals, string unit) =>
        Separators(VietnameseFormat.Points(fractionDifference, decimals, unit));

    /// <summary>A target share with its decimals: "50,5 %" / "50.5 %".</summary>
    public static string Share(decimal fraction) => Separators(VietnameseFormat.Share(fraction));

    /// <summary>"17/8/2020" in Vietnamese; the reader's short date in English ("8/17/2020").</summary>
    public static string Date(DateOnly date) =>
        Vietnamese ? VietnameseFormat.Date(date) : date.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>An instant in Vietnam time: "09:30 ngày 18/8/2020" / "8/18/2020 9:30 AM".</summary>
    public static string Moment(DateTimeOffset instant) =>
        Vietnamese ? VietnameseFormat.Moment(instant) : VietnamTime.Of(instant).DateTime.ToString("g", CultureInfo.CurrentCulture);

    /// <summary>
    /// The type of a date field: a text field with a calendar button in Vietnamese (so it reads d/M/yyyy
    /// whatever the browser's own locale), the browser's date input in English (the reader's locale).
    /// </summary>
    public static string DateInputType => Vietnamese ? "text" : "date";

    /// <summary>A date field's value: "18/8/2020" in Vietnamese, "2020-08-18" (what a date input holds) in English; text that is no date stays as typed.</summary>
    public static string DateInputValue(string? value) =>
        VietnameseFormat.TryParseDate(value, out var date) ? DateInputValue(date) : value ?? string.Empty;

    /// <inheritdoc cref="DateInputValue(string?)"/>
    public static string DateInputValue(DateOnly date) => Vietnamese ? VietnameseFormat.Date(date) : VietnameseFormat.IsoDate(date);

    /// <summary>The thousands and decimal separators of the UI language, for charts drawn in the browser.</summary>
    public static (string Thousands, string Decimal) NumberSeparators => Vietnamese ? (".", ",") : (",", ".");

    // Vietnamese text has "." between thousands and "," before decimals; English the reverse.
    private static string Separators(string vietnamese) => Vietnamese
        ? vietnamese
        : string.Create(vietnamese.Length, vietnamese, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = text[i] switch { '.' => ',', ',' => '.', var c => c };
            }
        });
}
