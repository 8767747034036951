using System.Globalization;
using System.Text;

namespace BluezoneTracker.Core.Import;

/// <summary>
/// Free text a person or a program sends that is kept for ever — the reason of a revision, the name of
/// an uploaded file: cleaned the same way whichever channel it came by (page, grid, API, command line),
/// and bounded, so that the history shows what was meant and nothing else (issue #15, point 8).
/// </summary>
public static class StoredText
{
    /// <summary>The longest reason kept, in characters (after cleaning).</summary>
    public const int MaxReasonLength = 1_000;

    /// <summary>The longest file name kept, in characters (after cleaning) — Windows' MAX_PATH.</summary>
    public const int MaxFileNameLength = 260;

    /// <summary>
    /// NFC text without control characters (a line break or tab becomes a space) and without the
    /// invisible bidirectional and format marks that can make a name read differently from what it is
    /// (U+202E "right-to-left override" turns "tệp‮xslx.exe" into "tệpexe.xlsx"), trimmed.
    /// <c>Clean("a\u202Eb\r\nc") == "ab c"</c>; null stays null.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c is '\r' or '\n' or '\t' or '\u2028' or '\u2029')
            {
                builder.Append(' ');
            }
            else if (!IsInvisibleControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>A reason over <see cref="MaxReasonLength"/> once cleaned: Value = its length, Other = the limit.</summary>
    public static ImportProblem? ReasonProblem(string? reason) =>
        Clean(reason) is { Length: > MaxReasonLength } clean
            ? new ImportProblem(ImportProblemKind.ReasonTooLong, Value: Count(clean.Length), Other: Count(MaxReasonLength))
            : null;

    /// <summary>A file name over <see cref="MaxFileNameLength"/> once cleaned: Value = its length, Other = the limit.</summary>
    public static ImportProblem? FileNameProblem(string? fileName) =>
        Clean(fileName) is { Length: > MaxFileNameLength } clean
            ? new ImportProblem(ImportProblemKind.FileNameTooLong, Value: Count(clean.Length), Other: Count(MaxFileNameLength))
            : null;

    private static bool IsInvisibleControl(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control
        || c is '\u061C' or '\u200E' or '\u200F' or '\uFEFF' or '\u200B'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
