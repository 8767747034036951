using System.Globalization;

namespace BluezoneTracker.Core.Formatting;

/// <summary>
/// The one place numbers and dates become text, the Vietnamese way: "84.126", "20,4 %",
/// "+ 4.024", "17/8/2020". Rounding happens here and only here, half away from zero.
/// </summary>
public static class VietnameseFormat
{
    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>Rounds half away from zero (2,45 → 2,5; -2,45 → -2,5), never banker's rounding.</summary>
    public static decimal Round(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>"84.126"; negative "-12".</summary>
    public static string Count(long value) => value.ToString("#,0", Numbers);

    /// <summary>A decimal count rounded to a whole number: "624.208".</summary>
    public static string Count(decimal value) => Round(value, 0).ToString("#,0", Numbers);

    /// <summary>A number with a fixed number of decimals: "3.973,4".</summary>
    public static string Number(decimal value, int decimals) =>
        Round(value, decimals).ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Numbers);

    /// <summary>A signed change as in the annex: "+ 4.024", "- 12", "0".</summary>
    public static string Change(long value) => value switch
    {
        > 0 => "+ " + Count(value),
        < 0 => "- " + Count(-value),
        _ => "0",
    };

    /// <summary>A fraction as a percentage: 0.2041357 with 1 decimal → "20,4 %".</summary>
    public static string Percent(decimal fraction, int decimals) =>
        Number(fraction * 100m, decimals) + " %";

    /// <summary>
    /// A difference of two rates in percentage points, two decimals by default so that it agrees with
    /// both printed annexes (rows 1 decimal, total 2): 0.0135 → "+ 1,35 điểm %"; no change → "0,00 điểm %".
    /// </summary>
    public static string Points(decimal fractionDifference, int decimals = 2, string unit = "điểm %")
    {
        var rounded = Round(fractionDifference * 100m, decimals);
        var text = Number(Math.Abs(rounded), decimals);
        return rounded switch
        {
            > 0 => $"+ {text} {unit}",
            < 0 => $"- {text} {unit}",
            _ => $"{text} {unit}",
        };
    }

    /// <summary>
    /// A size in bytes as people read it, in binary units (1 KB = 1.024 bytes): 5.242.880 → "5 MB",
    /// 1.572.864 → "1,5 MB", 900 → "900 byte". At most one decimal, none when it is whole.
    /// </summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["byte", "KB", "MB", "GB"];
        decimal value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024m && unit < units.Length - 1)
        {
            value /= 1024m;
            unit++;
        }

        var rounded = Round(value, 1);
        return Number(rounded, rounded == Math.Round(rounded, 0) ? 0 : 1) + " " + units[unit];
    }

    /// <summary>
    /// A target share as set, with the decimals it has (at most two): 0.5 → "50 %", 0.505 → "50,5 %",
    /// 0.5025 → "50,25 %". A share is a setting, not a measurement: rounding it away would misstate it.
    /// </summary>
    public static string Share(decimal fraction)
    {
        var percent = Round(fraction * 100m, 2);
        var decimals = percent == Math.Round(percent, 0) ? 0 : percent == Math.Round(percent, 1) ? 1 : 2;
        return Number(percent, decimals) + " %";
    }

    /// <summary>A rank change as an arrow: +2 → "▲2", -1 → "▼1", 0 → "–".</summary>
    public static string RankChange(int change) => change switch
    {
        > 0 => "▲" + change.ToString(CultureInfo.InvariantCulture),
        < 0 => "▼" + (-change).ToString(CultureInfo.InvariantCulture),
        _ => "–",
    };

    /// <summary>Date forms people type, and the ISO form machines and date pickers send.</summary>
    private static readonly string[] TypedDates = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy"];

    /// <summary>
    /// A date as a person types it the Vietnamese way ("18/8/2020", "18-08-2020", "18.8.2020") or as a
    /// date picker sends it ("2020-08-18"). Never month-first: "8/5/2020" is 8 May.
    /// </summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact((text ?? string.Empty).Trim(), TypedDates, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>"17/8/2020", as dates are written in official documents.</summary>
    public static string Date(DateOnly date) =>
        date.ToString("d/M/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The date line of an official document: "ngày 17 tháng 8 năm 2020".</summary>
    public static string LongDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day} tháng {date.Month} năm {date.Year}");

    /// <summary>A moment as printed on a generated document: "14:05 ngày 17/8/2020".</summary>
    public static string Moment(DateTime local) =>
        local.ToString("HH:mm", CultureInfo.InvariantCulture) + " ngày " + Date(DateOnly.FromDateTime(local));

    /// <summary>An instant in Vietnam time (UTC+7, no daylight saving): "14:05 ngày 17/8/2020".</summary>
    public static string Moment(DateTimeOffset instant) => Moment(VietnamTime.Of(instant).DateTime);

    /// <summary>ISO date for URLs and machine formats: "2020-08-17".</summary>
    public static string IsoDate(DateOnly date) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses an ISO date (yyyy-MM-dd) strictly.</summary>
    public static bool TryParseIsoDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
