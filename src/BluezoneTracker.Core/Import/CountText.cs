using System.Globalization;

namespace BluezoneTracker.Core.Import;

/// <summary>
/// The one place that reads a registration count typed by a person: "21106", "21.106", "21,106"
/// and "21 106" are all 21106 (a separator must be followed by exactly three digits); decimals,
/// negatives, text and absurdly large numbers are refused.
/// </summary>
public static class CountText
{
    /// <summary>Far above any population (Vietnam has about 100 million people).</summary>
    public const long MaxCount = 1_000_000_000;

    /// <summary>Null when the cell is blank; otherwise the count or the reason it is not one.</summary>
    public static (long? Count, ImportProblemKind? Problem) Parse(RawCell cell)
    {
        if (cell.Error is { } error)
        {
            return (null, error.StartsWith('=') ? ImportProblemKind.FormulaWithoutValue : ImportProblemKind.ErrorValue);
        }

        if (cell.Number is { } number)
        {
            return number switch
            {
                < 0 => (null, ImportProblemKind.NegativeCount),
                _ when number != decimal.Truncate(number) => (null, ImportProblemKind.DecimalCount),
                > MaxCount => (null, ImportProblemKind.CountTooLarge),
                _ => ((long)number, null),
            };
        }

        return Parse(cell.Text);
    }

    public static (long? Count, ImportProblemKind? Problem) Parse(string? text)
    {
        var s = (text ?? string.Empty).Trim();
        if (s.Length == 0)
        {
            return (null, null);
        }

        if (IsErrorValue(s))
        {
            return (null, ImportProblemKind.ErrorValue);
        }

        var negative = s[0] is '-' or '−';
        if (negative || s[0] == '+')
        {
            s = s[1..].TrimStart();
        }

        if (!TryDigits(s, out var digits, out var isDecimal))
        {
            return (null, isDecimal ? ImportProblemKind.DecimalCount : ImportProblemKind.NotANumber);
        }

        if (negative && digits.TrimStart('0').Length > 0)
        {
            return (null, ImportProblemKind.NegativeCount);
        }

        if (digits.Length > 10 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > MaxCount)
        {
            return (null, ImportProblemKind.CountTooLarge);
        }

        return (value, null);
    }

    private static readonly string[] ErrorValues =
        ["#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!", "#PYTHON!"];

    /// <summary>Whether a text is one of Excel's error values, as a CSV export writes them.</summary>
    public static bool IsErrorValue(string text) => ErrorValues.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);

    // Digits in groups: a first group of 1–3 digits, then groups of exactly 3 after '.', ',' or a space;
    // or digits alone. "21.5" or "1,234.50" is a decimal; anything else is not a number.
    private static bool TryDigits(string s, out string digits, out bool isDecimal)
    {
        digits = string.Empty;
        isDecimal = false;
        var groups = s.Split(['.', ',', ' ', '\u00A0', '\u202F'], StringSplitOptions.None);
        foreach (var group in groups)
        {
            if (group.Length == 0 || !group.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        if (groups.Length == 1)
        {
            digits = groups[0];
            return true;
        }

        if (groups[0].Length > 3 || groups.Skip(1).Any(g => g.Length != 3))
        {
            // Digits around one '.' or ',' read as a fraction: "21.5", "6,74", "1234,5".
            isDecimal = groups.Length == 2 && s.IndexOfAny([' ', '\u00A0', '\u202F']) < 0
                || groups[^1].Length != 3 && s.IndexOfAny(['.', ',']) >= 0;
            return false;
        }

        // "1.234,567" mixes two separators: one of them must be a decimal point.
        var separators = s.Where(c => !char.IsAsciiDigit(c)).Distinct().Count();
        if (separators > 1)
        {
            isDecimal = true;
            return false;
        }

        digits = string.Concat(groups);
        return true;
    }
}
