using System.Globalization;
using System.Text.RegularExpressions;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;

namespace BluezoneTracker.Core.Import;

/// <summary>A date a file states about its counts, and where (1-based line; the cell for a spreadsheet).</summary>
public sealed record StatedDate(DateOnly Date, int Line, string? Cell);

/// <summary>
/// Finds the date written inside a file — the annex's title line ("Tính đến ngày 17/8/2020") or a
/// date column ("Ngày") — so that a file of one day chosen for another is caught before it is saved.
/// Other dates of the annex ("So với ngày 12/8/2020", the dispatch's date) are not the as-of date
/// and are ignored.
/// </summary>
public static partial class FileDate
{
    /// <summary>Title lines come before the header; a date column's header is among these rows too.</summary>
    private const int HeadRows = 20;

    // Folded (lower case, no diacritics): "Tính đến ngày", "Thống kê ngày", "Số liệu ngày", "As of".
    private static readonly string[] TitlePhrases = ["tinh den ngay", "thong ke ngay", "so lieu ngay", "as of"];

    // Folded phrases that state the file's date only in a title row (one non-blank cell) and only right before the date:
    // "Số liệu đến ngày 16/8/2020", "THỐNG KÊ … ĐẾN NGÀY 16/8/2020", "Cập nhật đến 16/8/2020", "Tính đến 16/8/2020",
    // "Ngày 16/8/2020" (at the start of the cell). A column header such as "Số đăng ký đến ngày 18/8/2020" shares its row
    // with other headers, and "Sơn La, ngày 18 tháng 8 năm 2020" (the dispatch's own date) does not start with "ngày"
    // (a fresh user's trial, round 10: these titles were stored for another date with no warning).
    private static readonly string[] TitleRowPhrases = ["den ngay", "cap nhat den", "tinh den", "ngay"];

    private static readonly string[] ColumnHeaders = ["ngay", "ngay thong ke", "ngay so lieu", "tinh den ngay", "date", "as of", "as-of date"];

    /// <summary>Every date the file states as its own, in file order: the title's first, then the date column's.</summary>
    public static IReadOnlyList<StatedDate> Find(RawTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var found = new List<StatedDate>();
        int? column = null;
        var headerLine = 0;
        foreach (var row in table.Rows.Take(HeadRows))
        {
            for (var c = 0; c < row.Cells.Count; c++)
            {
                // "Tính đến ngày" followed by a date is a title; alone among headers, it heads a date column.
                var folded = VietnameseText.Fold(row.Cells[c].Text).Trim();
                if (TitleDate(row, c, folded) is { } title)
                {
                    found.Add(new StatedDate(title.Date, row.Line, table.CellName(title.Column, row.Line)));
                }
                else if (column is null && ColumnHeaders.Contains(folded))
                {
                    (column, headerLine) = (c, row.Line);
                }
            }
        }

        if (column is { } dateColumn)
        {
            foreach (var row in table.Rows.Where(r => r.Line > headerLine))
            {
                if (DateIn(VietnameseText.Fold(row[dateColumn].Text)) is { } date)
                {
                    found.Add(new StatedDate(date, row.Line, table.CellName(dateColumn, row.Line)));
                }
            }
        }

        return found;
    }

    /// <summary>A warning when the file states a date other than <paramref name="chosen"/> (the first such date).</summary>
    public static DataWarning? Compare(RawTable table, DateOnly chosen, Area parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return Find(table).FirstOrDefault(s => s.Date != chosen) is { } stated
            ? new DataWarning(DataWarningKind.FileDateDiffers, parent.Code, parent.Name, Value: stated.Line, OtherDate: stated.Date, Date: chosen)
            : null;
    }

    /// <summary>
    /// Warnings when the sheet read is named for another date ("18-8" read for 19/8/2020) or the count column read is
    /// headed by another date ("Số đăng ký đến 18/8/2020"): the same warning as a title line's, because a sheet or a
    /// column the user picked from a list is as much a statement of the file's date as its title.
    /// </summary>
    public static IReadOnlyList<DataWarning> Compare(TableReading reading, DateOnly chosen, Area parent)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(parent);
        var warnings = new List<DataWarning>();
        if (reading.Sheet is { Length: > 0 } sheet && SheetChoice.NamedFor(sheet, chosen) == false)
        {
            warnings.Add(new DataWarning(DataWarningKind.FileDateDiffers, parent.Code, parent.Name, Date: chosen) { NamedBy = sheet, BySheet = true });
        }

        if (reading.CountColumn is { } column && CountsTable.HeaderDate(column.Header) is { } named && !CountsTable.Same(named, chosen))
        {
            warnings.Add(new DataWarning(DataWarningKind.FileDateDiffers, parent.Code, parent.Name, Value: reading.HeaderLine, Date: chosen) { NamedBy = column.Header });
        }

        return warnings;
    }

    /// <summary>"Tính đến ngày 17/8/2020" in one cell, or the phrase in one cell and the date in the next.</summary>
    private static (DateOnly Date, int Column)? TitleDate(RawRow row, int column, string folded)
    {
        if (row.Cells.Count(c => !c.IsBlank) == 1)
        {
            foreach (var phrase in TitleRowPhrases)
            {
                var at = folded.IndexOf(phrase, StringComparison.Ordinal);
                if (at < 0 || (phrase == "ngay" ? at != 0 : at > 0 && char.IsLetter(folded[at - 1])))
                {
                    continue;
                }

                var rest = folded[(at + phrase.Length)..].TrimStart(' ', ':');
                if (rest.Length > 0 && char.IsAsciiDigit(rest[0]) && DateIn(rest) is { } stated)
                {
                    return (stated, column);
                }
            }
        }

        foreach (var phrase in TitlePhrases)
        {
            var at = folded.IndexOf(phrase, StringComparison.Ordinal);
            if (at < 0 || (at > 0 && char.IsLetter(folded[at - 1])))
            {
                continue;
            }

            if (DateIn(folded[(at + phrase.Length)..]) is { } date)
            {
                return (date, column);
            }

            for (var next = column + 1; next < row.Cells.Count; next++)
            {
                if (!row.Cells[next].IsBlank)
                {
                    return DateIn(VietnameseText.Fold(row.Cells[next].Text)) is { } beside ? (beside, next) : null;
                }
            }
        }

        return null;
    }

    /// <summary>The first date in folded text: 17/8/2020, 17-8-2020, 17.8.2020, 2020-08-17 or "17 thang 8 nam 2020".</summary>
    internal static DateOnly? DateIn(string folded)
    {
        foreach (Match m in DatePattern().Matches(folded))
        {
            var (day, month, year) = m.Groups["iy"].Success
                ? (m.Groups["id"].Value, m.Groups["im"].Value, m.Groups["iy"].Value)
                : (m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value);
            var (d, mo, y) = (int.Parse(day, CultureInfo.InvariantCulture), int.Parse(month, CultureInfo.InvariantCulture), int.Parse(year, CultureInfo.InvariantCulture));
            if (y is >= 1900 and <= 9999 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo))
            {
                return new DateOnly(y, mo, d);
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<!\d)(?:(?<iy>\d{4})-(?<im>\d{1,2})-(?<id>\d{1,2})|(?<d>\d{1,2})(?:\s*[/.\-]\s*|\s+thang\s+)(?<m>\d{1,2})(?:\s*[/.\-]\s*|\s+nam\s+)(?<y>\d{4}))(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatePattern();
}
