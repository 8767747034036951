using System.Globalization;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Formatting;

namespace BluezoneTracker.Core.Import;

/// <summary>Whether a worksheet shows as a tab (Excel's "hidden" sheets can be unhidden by the user, "very hidden" ones only by code).</summary>
public enum SheetVisibility
{
    Visible,
    Hidden,
    VeryHidden,
}

/// <summary>One worksheet of a workbook, or the one table of a CSV file (<see cref="Name"/> null).</summary>
public sealed record RawSheet(string? Name, SheetVisibility Visibility, RawTable Table);

/// <summary>The file format recognised from a file's bytes (never from its name).</summary>
public enum FileFormat
{
    Csv,
    Xlsx,
    Xls,
}

/// <summary>Every sheet of a file, before any of them is chosen or interpreted.</summary>
public sealed record RawWorkbook(FileFormat Format, IReadOnlyList<RawSheet> Sheets)
{
    /// <summary>A CSV file: one unnamed table.</summary>
    public static RawWorkbook Csv(RawTable table) => new(FileFormat.Csv, [new RawSheet(null, SheetVisibility.Visible, table)]);
}

/// <summary>What the person importing chose when the file could be read more than one way (null: not chosen).</summary>
/// <param name="Sheet">A sheet's name as shown on its tab.</param>
/// <param name="Column">A column: its letter ("D"), its number from 1, or its header text.</param>
public sealed record TableChoice(string? Sheet = null, string? Column = null)
{
    public static TableChoice None { get; } = new();
}

/// <summary>A column that could hold the counts: where it is and what its header says.</summary>
public sealed record ColumnOption(int Index, string Label, string Header);

/// <summary>Why a row of the table was not read as a count.</summary>
public enum SkipReason
{
    /// <summary>Above the header: the title, the date line, the dispatch's reference.</summary>
    BeforeHeader,

    /// <summary>The second row of a two-row header ("Ngày 17/8 | Ngày 18/8" under "Số đăng ký").</summary>
    SubHeader,

    /// <summary>The column-number row of official forms ("A | B | 1 | 2 | …").</summary>
    ColumnNumbers,

    /// <summary>The total row: its count is compared with the sum of the rows, never stored.</summary>
    Total,

    /// <summary>Below the total row: the place and date line, the signature block, notes.</summary>
    AfterTotal,

    /// <summary>A district whose count cell is empty: missing from the snapshot, not zero.</summary>
    NoCount,
}

/// <summary>A row not read as a count, with the reason and the start of its text.</summary>
public sealed record SkippedRow(int Line, SkipReason Reason, string Text);

/// <summary>
/// How a file was read — which sheet, which header row, which columns, which rows, which conversion —
/// so that the person importing can check the reading itself, not only the numbers.
/// </summary>
public sealed record TableReading(
    FileFormat Format,
    string? Sheet,
    IReadOnlyList<string> Sheets,
    int? HeaderLine,
    ColumnOption? NameColumn,
    ColumnOption? CountColumn,
    IReadOnlyList<ColumnOption> CountColumns,
    int? FirstDataLine,
    int? LastDataLine,
    IReadOnlyList<SkippedRow> Skipped,
    LegacyEncoding? ConvertedFrom)
{
    /// <summary>The reading of a file no table could be read from.</summary>
    public static TableReading Unread(FileFormat format, IReadOnlyList<string>? sheets = null) =>
        new(format, null, sheets ?? [], null, null, null, [], null, null, [], null);
}

/// <summary>Chooses the worksheet to read for a date, or says why it cannot (several could be meant, or none fits).</summary>
public static partial class SheetChoice
{
    /// <summary>
    /// The sheet asked for by name (hidden ones included); else the one visible sheet named for the date
    /// ("18-8", "18.8", "Ngày 18", "18-8-2020"); else the one visible sheet holding a count table.
    /// Several candidates, or only a sheet named for another date, is a problem listing the sheets:
    /// reading one of them would be a guess.
    /// </summary>
    public static (RawSheet? Sheet, ImportProblem? Problem) Choose(RawWorkbook workbook, DateOnly? date, string? asked, Func<RawTable, bool> holdsCounts)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(holdsCounts);
        var sheets = workbook.Sheets;
        if (sheets.Count == 0)
        {
            return (null, new ImportProblem(ImportProblemKind.EmptyFile));
        }

        var visible = sheets.Where(s => s.Visibility == SheetVisibility.Visible).ToList();
        if (!string.IsNullOrWhiteSpace(asked))
        {
            var key = VietnameseText.Fold(asked);
            var byName = sheets.FirstOrDefault(s => s.Name == asked.Trim()) ?? sheets.FirstOrDefault(s => VietnameseText.Fold(s.Name ?? string.Empty) == key);
            return byName is null
                ? (null, new ImportProblem(ImportProblemKind.UnknownSheet, Value: asked.Trim(), Other: List(visible)))
                : (byName, null);
        }

        if (sheets.Count == 1)
        {
            return (sheets[0], null);
        }

        if (date is { } d)
        {
            var named = visible.Where(s => NamedFor(s.Name, d) == true).ToList();
            if (named.Count == 1)
            {
                return (named[0], null);
            }

            if (named.Count > 1)
            {
                return (null, new ImportProblem(ImportProblemKind.AmbiguousSheet, Other: List(named)));
            }
        }

        var candidates = visible.Where(s => holdsCounts(s.Table)).ToList();
        if (candidates.Count > 1)
        {
            return (null, new ImportProblem(ImportProblemKind.AmbiguousSheet, Other: List(candidates)));
        }

        if (candidates is [var only])
        {
            // The one table is on a sheet named for another day: reading it would store that day's counts.
            return date is { } day && NamedFor(only.Name, day) == false
                ? (null, new ImportProblem(ImportProblemKind.NoSheetForDate, Value: VietnameseFormat.IsoDate(day), Other: List(visible)))
                : (only, null);
        }

        // No visible sheet holds a table: the first visible one is read, so that its problem is the one reported.
        return (visible.FirstOrDefault() ?? sheets[0], null);
    }

    /// <summary>Whether a sheet's name is a date that is (true) or is not (false) this date; null when the name is not a date.</summary>
    public static bool? NamedFor(string? name, DateOnly date)
    {
        var m = SheetDate().Match(VietnameseText.Fold(name ?? string.Empty).Trim());
        if (!m.Success)
        {
            return null;
        }

        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        int? month = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : null;
        int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
        if (day is < 1 or > 31 || month is < 1 or > 12)
        {
            return null;
        }

        return day == date.Day && (month is null || month == date.Month) && (year is null || year == date.Year || year + 2000 == date.Year);
    }

    private static string List(IEnumerable<RawSheet> sheets) => string.Join("; ", sheets.Select(s => s.Name));

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:ngay\s*)?(?<d>\d{1,2})(?:\s*[-./_ ]\s*(?<m>\d{1,2})(?:\s*[-./_ ]\s*(?<y>\d{2}|\d{4}))?)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex SheetDate();
}
