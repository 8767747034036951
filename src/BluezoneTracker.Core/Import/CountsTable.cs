using System.Globalization;
using System.Text.RegularExpressions;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Snapshots;

namespace BluezoneTracker.Core.Import;

/// <summary>A row of a file that was matched to an area.</summary>
public sealed record MatchedRow(int Line, Area Area, string TypedName, MatchKind MatchedBy, long Count);

/// <summary>What a file says, once read: matched counts, the unassigned and total rows, any problems, and how it was read.</summary>
public sealed record CountsFile(
    IReadOnlyList<MatchedRow> Rows,
    long? Unassigned,
    long? TypedTotal,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<DataWarning> Warnings)
{
    /// <summary>Which sheet, header, columns and rows were read, and what was converted.</summary>
    public TableReading Reading { get; init; } = TableReading.Unread(FileFormat.Csv);

    /// <summary>The table the counts were read from (converted to Unicode), or null when none was chosen.</summary>
    public RawTable? Source { get; init; }

    public SnapshotCounts ToCounts(DateOnly date) =>
        new(date, Rows.ToDictionary(r => r.Area.Code, r => r.Count, StringComparer.Ordinal), Unassigned ?? 0);
}

/// <summary>
/// Reads counts from the rows of a file: our template, our annex export, or the official annex
/// as staff type it (title rows, the TT column, a two-row header, the column-number row, the
/// unassigned and total rows, the signature block under the total are recognised).
/// </summary>
public static partial class CountsTable
{
    /// <summary>Longer than any administrative name or header; longer text is refused.</summary>
    public const int MaxCellLength = 200;

    public const int MaxRows = 50_000;

    /// <summary>The problem of a file with more than <see cref="MaxRows"/> rows, however it is read.</summary>
    public static ImportProblem TooManyRows { get; } = new(ImportProblemKind.TooManyRows, Other: MaxRows.ToString(CultureInfo.InvariantCulture));

    /// <summary>The header is looked for among the first rows (title rows come before it).</summary>
    private const int HeaderSearchRows = 20;

    /// <summary>
    /// Reads a whole file for a date: converts legacy-encoded text, chooses the sheet (<see cref="SheetChoice"/>)
    /// and the count column (the one whose header names the date), then reads the rows.
    /// </summary>
    public static CountsFile Read(RawWorkbook workbook, AreaMatcher matcher, Area parent, DateOnly? date, TableChoice? choice = null)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        choice ??= TableChoice.None;
        var encoding = LegacyVietnamese.Detect(workbook.Sheets.SelectMany(s => s.Table.Rows).SelectMany(r => r.Cells).Select(c => c.Text));
        var sheets = workbook.Sheets.Select(s => s with { Table = s.Table.Cleaned(encoding) }).ToList();
        var cleaned = workbook with { Sheets = sheets };
        var names = sheets.Where(s => s.Visibility == SheetVisibility.Visible && s.Name is not null).Select(s => s.Name!).ToList();
        var (sheet, problem) = SheetChoice.Choose(cleaned, date, choice.Sheet, t => FindHeader(t, null) is not null);
        if (sheet is null)
        {
            return Failed(problem!) with { Reading = TableReading.Unread(workbook.Format, names) with { ConvertedFrom = encoding } };
        }

        var file = Read(sheet.Table, matcher, parent, date, choice.Column);
        return file with { Reading = file.Reading with { Format = workbook.Format, Sheet = sheet.Name, Sheets = names, ConvertedFrom = encoding } };
    }

    /// <summary>Reads one table (no date: a single count column is expected).</summary>
    public static CountsFile Read(RawTable table, AreaMatcher matcher, Area parent) => Read(table, matcher, parent, null, null);

    /// <summary>Reads one table for a date, with the count column asked for (letter, number or header), if any.</summary>
    public static CountsFile Read(RawTable table, AreaMatcher matcher, Area parent, DateOnly? date, string? column)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(parent);
        var problems = new List<ImportProblem>();
        if (table.Rows.Count == 0)
        {
            return Failed(new ImportProblem(ImportProblemKind.EmptyFile));
        }

        if (table.Rows.Count > MaxRows)
        {
            return Failed(TooManyRows);
        }

        foreach (var row in table.Rows)
        {
            for (var c = 0; c < row.Cells.Count; c++)
            {
                if (row.Cells[c].Text.Length > MaxCellLength)
                {
                    problems.Add(new ImportProblem(ImportProblemKind.TextTooLong, row.Line, table.CellName(c, row.Line), row.Cells[c].Text[..40] + "…", MaxCellLength.ToString(CultureInfo.InvariantCulture)));
                }
            }
        }

        if (problems.Count > 0)
        {
            return Failed([.. problems.Take(20)]);
        }

        var header = FindHeader(table, date);
        if (header is null)
        {
            return Failed(new ImportProblem(ImportProblemKind.MissingColumns, table.Rows[0].Line));
        }

        var layout = header.Value;
        var options = layout.Candidates.Select(c => Option(table, c, layout.Headers)).ToList();
        var (countColumn, columnProblem) = ChooseColumn(table, layout, options, date, column);
        var reading = TableReading.Unread(FileFormat.Csv) with
        {
            HeaderLine = layout.HeaderLine,
            NameColumn = layout.Name is { } nc ? Option(table, nc, layout.Headers) : layout.Code is { } cc ? Option(table, cc, layout.Headers) : null,
            CountColumns = options,
        };
        if (countColumn is not { } countIndex)
        {
            return Failed(columnProblem!) with { Reading = reading };
        }

        reading = reading with { CountColumn = Option(table, countIndex, layout.Headers) };
        var columns = new Columns(layout.HeaderLine, layout.Code, layout.Name, countIndex);
        var headerWidth = LastFilled(table.Rows.First(r => r.Line == layout.HeaderLine)) + 1;
        var rows = new List<MatchedRow>();
        var skipped = new List<SkippedRow>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        long? unassigned = null;
        long? typedTotal = null;
        var wording = AreaWording.For(parent);
        int? firstData = null, lastData = null;
        var afterTotal = false;
        foreach (var row in table.Rows)
        {
            if (row.Line < layout.HeaderLine)
            {
                if (!IsBlank(row))
                {
                    skipped.Add(new SkippedRow(row.Line, SkipReason.BeforeHeader, Preview(row)));
                }

                continue;
            }

            if (row.Line == layout.HeaderLine || IsBlank(row))
            {
                continue;
            }

            if (afterTotal)
            {
                skipped.Add(new SkippedRow(row.Line, SkipReason.AfterTotal, Preview(row)));
                continue;
            }

            if (row.Line == layout.SubHeaderLine)
            {
                skipped.Add(new SkippedRow(row.Line, SkipReason.SubHeader, Preview(row)));
                continue;
            }

            if (IsColumnNumbers(row))
            {
                skipped.Add(new SkippedRow(row.Line, SkipReason.ColumnNumbers, Preview(row)));
                continue;
            }

            if (!table.IsSpreadsheet && LastFilled(row) is var lastFilled && lastFilled >= headerWidth && headerWidth > 0)
            {
                // "Thành phố Sơn La,22,556": the count split in two by an unquoted thousands comma.
                problems.Add(new ImportProblem(ImportProblemKind.FieldCountMismatch, row.Line, null,
                    (lastFilled + 1).ToString(CultureInfo.InvariantCulture), headerWidth.ToString(CultureInfo.InvariantCulture),
                    string.Join(',', Enumerable.Range(columns.Count, Math.Max(0, lastFilled - columns.Count + 1)).Select(i => row[i].ToString().Trim()))));
                continue;
            }

            var nameCell = columns.Name is { } n ? row[n] : default;
            var codeCell = columns.Code is { } k ? row[k] : default;
            var countCell = row[columns.Count];
            if (nameCell.IsBlank && codeCell.IsBlank && countCell.IsBlank)
            {
                continue;
            }

            var name = nameCell.ToString().Trim();
            var folded = VietnameseText.Fold(name);
            if (wording.IsTotalRow(folded))
            {
                var (total, totalProblem) = CountText.Parse(countCell);
                if (totalProblem is { } tp)
                {
                    problems.Add(CountProblem(table, columns, row, countCell, tp));
                }

                typedTotal = total;
                skipped.Add(new SkippedRow(row.Line, SkipReason.Total, Preview(row)));

                // The table ends at its total row; a total typed above the districts does not end it.
                afterTotal = rows.Count > 0 || unassigned is not null;
                continue;
            }

            var (count, countProblem) = CountText.Parse(countCell);
            if (countProblem is { } p)
            {
                problems.Add(CountProblem(table, columns, row, countCell, p));
                continue;
            }

            (firstData, lastData) = (firstData ?? row.Line, row.Line);
            if (AreaWording.IsUnassignedRow(folded))
            {
                unassigned = count;
                continue;
            }

            if (count is null)
            {
                // A district left blank is missing from the snapshot: a warning, not an error.
                skipped.Add(new SkippedRow(row.Line, SkipReason.NoCount, Preview(row)));
                continue;
            }

            var match = Match(table, row, columns, name, codeCell, matcher, problems);
            if (match is null)
            {
                continue;
            }

            if (firstLine.TryGetValue(match.Value.Area.Code, out var first))
            {
                problems.Add(new ImportProblem(ImportProblemKind.DuplicateArea, row.Line, null, match.Value.Area.Name, first.ToString(CultureInfo.InvariantCulture)));
                continue;
            }

            firstLine[match.Value.Area.Code] = row.Line;
            rows.Add(new MatchedRow(row.Line, match.Value.Area, name.Length > 0 ? name : codeCell.ToString(), match.Value.Kind, count.Value));
        }

        if (problems.Count == 0 && rows.Count == 0 && unassigned is null)
        {
            problems.Add(new ImportProblem(ImportProblemKind.NoCounts, columns.HeaderLine));
        }

        var warnings = new List<DataWarning>();
        var sum = rows.Sum(r => r.Count) + (unassigned ?? 0);
        if (typedTotal is { } t && t != sum && problems.Count == 0)
        {
            warnings.Add(new DataWarning(DataWarningKind.TypedTotalMismatch, parent.Code, parent.Name, t, sum));
        }

        return new CountsFile(rows, unassigned, typedTotal, problems, warnings)
        {
            Reading = reading with { FirstDataLine = firstData, LastDataLine = lastData, Skipped = skipped },
            Source = table,
        };
    }

    private static ImportProblem CountProblem(RawTable table, Columns columns, RawRow row, RawCell cell, ImportProblemKind kind) =>
        new(kind, row.Line, table.CellName(columns.Count, row.Line), cell.ToString(), kind == ImportProblemKind.CountTooLarge ? CountText.MaxCount.ToString(CultureInfo.InvariantCulture) : null);

    private static bool IsBlank(RawRow row) => row.Cells.All(c => c.IsBlank);

    private static int LastFilled(RawRow row)
    {
        for (var c = row.Cells.Count - 1; c >= 0; c--)
        {
            if (!row.Cells[c].IsBlank)
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>The row's non-empty cells joined, shortened: enough for a person to recognise it.</summary>
    private static string Preview(RawRow row)
    {
        var text = string.Join(" | ", row.Cells.Where(c => !c.IsBlank).Select(c => c.ToString().Trim()));
        return text.Length > 80 ? text[..80] + "…" : text;
    }

    /// <summary>"A | B | 1 | 2 | 3" or "(1) | (2) | (3)": the numbers official forms put under their headers.</summary>
    private static bool IsColumnNumbers(RawRow row)
    {
        var filled = row.Cells.Where(c => !c.IsBlank).ToList();
        if (filled.Count < 2)
        {
            return false;
        }

        var numbers = new List<int>();
        foreach (var cell in filled)
        {
            var text = cell.ToString().Trim().Trim('(', ')', '[', ']', '.', ' ');
            if (text.Length == 1 && char.IsAsciiLetterUpper(text[0]))
            {
                continue;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 64)
            {
                return false;
            }

            numbers.Add(n);
        }

        // Numbers of columns count up by one from 1: 1, 2, 3 (a real row of small counts would not).
        return numbers.Count == 0 || (numbers[0] == 1 && numbers.Zip(numbers.Skip(1)).All(p => p.Second == p.First + 1));
    }

    private static CountsFile Failed(params ImportProblem[] problems) => new([], null, null, problems, []);

    private static (Area Area, MatchKind Kind)? Match(RawTable table, RawRow row, Columns columns, string name, RawCell codeCell, AreaMatcher matcher, List<ImportProblem> problems)
    {
        var code = codeCell.ToString().Trim();
        if (code.Length > 0)
        {
            var byCode = matcher.ByCode(code);
            if (byCode is null)
            {
                problems.Add(new ImportProblem(ImportProblemKind.UnknownCode, row.Line, table.CellName(columns.Code!.Value, row.Line), code));
                return null;
            }

            if (name.Length > 0 && matcher.ByName(name).Area is { } named && named.Code != byCode.Code)
            {
                problems.Add(new ImportProblem(ImportProblemKind.CodeNameMismatch, row.Line, table.CellName(columns.Name!.Value, row.Line), name, byCode.Name));
                return null;
            }

            return (byCode, MatchKind.Code);
        }

        if (name.Length == 0)
        {
            problems.Add(new ImportProblem(ImportProblemKind.MissingName, row.Line, columns.Name is { } n ? table.CellName(n, row.Line) : null));
            return null;
        }

        var (area, kind, ambiguous) = matcher.ByName(name);
        if (area is null)
        {
            problems.Add(new ImportProblem(ambiguous ? ImportProblemKind.AmbiguousName : ImportProblemKind.UnknownArea, row.Line, table.CellName(columns.Name!.Value, row.Line), name));
            return null;
        }

        return (area, kind);
    }

    private readonly record struct Columns(int HeaderLine, int? Code, int? Name, int Count);

    /// <summary>The header found: its line, the second header line if any, the key columns, each column's full header text, and the columns that could hold counts.</summary>
    private readonly record struct Layout(int HeaderLine, int? SubHeaderLine, int? Code, int? Name, IReadOnlyList<string> Headers, IReadOnlyList<int> Candidates);

    private static Layout? FindHeader(RawTable table, DateOnly? date)
    {
        var head = table.Rows.Take(HeaderSearchRows).ToList();
        for (var r = 0; r < head.Count; r++)
        {
            var row = head[r];
            int? code = null, name = null;
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var h = VietnameseText.Fold(row.Cells[c].Text);
                if (code is null && IsCodeHeader(h))
                {
                    code = c;
                }
                else if (name is null && IsNameHeader(h))
                {
                    name = c;
                }
            }

            if (name is null && code is null)
            {
                continue;
            }

            // A second header row directly below: its texts complete the headers above (merged cells are
            // blank but for their first cell, so a blank above a filled cell belongs to the header on its left).
            var next = r + 1 < head.Count && head[r + 1].Line == row.Line + 1 ? head[r + 1] : null;
            var sub = next is not null && IsSubHeader(next, name ?? code!.Value) ? next : null;
            var width = Math.Max(row.Cells.Count, sub?.Cells.Count ?? 0);
            var headers = new string[width];
            var above = string.Empty;
            for (var c = 0; c < width; c++)
            {
                var own = row[c].Text.Trim();
                above = own.Length > 0 ? own : (sub is not null && !sub[c].IsBlank ? above : string.Empty);
                headers[c] = sub is null ? own : $"{(own.Length > 0 ? own : above)} {sub[c].Text.Trim()}".Trim();
            }

            var candidates = Enumerable.Range(0, width)
                .Where(c => c != name && c != code && IsCountHeader(VietnameseText.Fold(headers[c])))
                .ToList();
            if (candidates.Count == 0)
            {
                // Columns headed by a date alone ("đến 18/8/2020", "Ngày 18/8") hold counts of that date.
                candidates = [.. Enumerable.Range(0, width).Where(c => c != name && c != code && !IsExcluded(VietnameseText.Fold(headers[c])) && HeaderDate(headers[c]) is not null)];
            }

            if (candidates.Count > 0)
            {
                return new Layout(row.Line, sub?.Line, code, name, headers, candidates);
            }
        }

        return null;
    }

    /// <summary>A row under the header with text but no name and no number: "Ngày 17/8 | Ngày 18/8", "(người)".</summary>
    private static bool IsSubHeader(RawRow row, int keyColumn) =>
        row[keyColumn].IsBlank
        && row.Cells.Any(c => !c.IsBlank)
        && row.Cells.All(c => c.IsBlank || (c.Number is null && c.Error is null && CountText.Parse(c.Text).Count is null))
        && !IsColumnNumbers(row);

    private static ColumnOption Option(RawTable table, int column, IReadOnlyList<string> headers) =>
        new(column, table.ColumnLabel(column), column < headers.Count ? headers[column] : string.Empty);

    /// <summary>
    /// The column asked for; else the only candidate (refused when its header names another date); else the
    /// one candidate whose header names the date. Anything else is ambiguous and refused, listing the columns.
    /// </summary>
    private static (int? Column, ImportProblem? Problem) ChooseColumn(RawTable table, Layout layout, IReadOnlyList<ColumnOption> options, DateOnly? date, string? asked)
    {
        var list = string.Join("; ", options.Select(o => $"{o.Label}: {o.Header}"));
        if (!string.IsNullOrWhiteSpace(asked))
        {
            var key = asked.Trim();
            var width = layout.Headers.Count;
            int? index = null;
            if (key.Length <= 3 && key.All(char.IsAsciiLetter) && table.IsSpreadsheet)
            {
                index = RawTable.ColumnIndex(key);
            }
            else if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                index = number - 1;
            }
            else
            {
                var folded = VietnameseText.Fold(key);
                var byHeader = Enumerable.Range(0, width).Where(c => VietnameseText.Fold(layout.Headers[c]) == folded).ToList();
                index = byHeader.Count == 1 ? byHeader[0] : null;
            }

            return index is { } i && i >= 0 && i < width && i != layout.Name && i != layout.Code
                ? (i, null)
                : (null, new ImportProblem(ImportProblemKind.UnknownColumn, layout.HeaderLine, null, key, list));
        }

        if (options is [var only])
        {
            return date is { } d && HeaderDate(only.Header) is { } named && !Same(named, d)
                ? (null, new ImportProblem(ImportProblemKind.ColumnForOtherDate, layout.HeaderLine, table.CellName(only.Index, layout.HeaderLine), only.Header, list))
                : (only.Index, null);
        }

        if (date is { } day)
        {
            var forDate = options.Where(o => HeaderDate(o.Header) is { } named && Same(named, day)).ToList();
            if (forDate is [var one])
            {
                return (one.Index, null);
            }
        }

        return (null, new ImportProblem(ImportProblemKind.AmbiguousColumn, layout.HeaderLine, null, null, list));
    }

    internal static bool Same((int Day, int Month, int? Year) named, DateOnly date) =>
        named.Day == date.Day && named.Month == date.Month && (named.Year is null || named.Year == date.Year);

    /// <summary>The day and month (and year, when written) a header names: "đến 18/8/2020", "Ngày 18/8", "18-8", "18.08.2020".</summary>
    internal static (int Day, int Month, int? Year)? HeaderDate(string header)
    {
        var m = HeaderDatePattern().Match(VietnameseText.Fold(header));
        if (!m.Success)
        {
            return null;
        }

        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
        if (year is < 100)
        {
            year += 2000;
        }

        return day is >= 1 and <= 31 && month is >= 1 and <= 12 ? (day, month, year) : null;
    }

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\s*[/.\-]\s*(?<m>\d{1,2})(?:\s*[/.\-]\s*(?<y>\d{4}|\d{2}))?(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HeaderDatePattern();

    private static bool IsCodeHeader(string h) =>
        h is "ma" or "code" or "area code" or "ma so" || h.StartsWith("ma ", StringComparison.Ordinal);

    private static readonly string[] NameHeaders =
        ["huyen", "ten", "thanh pho", "dia ban", "dia phuong", "don vi", "ten don vi", "xa", "phuong", "tinh thanh", "district", "commune", "ward", "province", "name", "area"];

    // "Tỉnh, Thành phố" heads a national table; "Tính đến ngày …" (folded alike) is a title line, not a header.
    private static bool IsNameHeader(string h) =>
        h is "tinh" || h.StartsWith("tinh,", StringComparison.Ordinal) || h.StartsWith("tinh/", StringComparison.Ordinal) ||
        NameHeaders.Any(p => h == p || h.StartsWith(p + " ", StringComparison.Ordinal) || h.StartsWith(p + ",", StringComparison.Ordinal) || h.StartsWith(p + "/", StringComparison.Ordinal));

    // Columns beside the counts that also mention registrations: rates, changes, targets, populations.
    private static readonly string[] ExcludedHeaders = ["ty le", "so voi", "tang", "muc tang", "chi tieu", "dan so", "ke hoach", "ghi chu"];

    private static bool IsExcluded(string h) => ExcludedHeaders.Any(x => h.StartsWith(x, StringComparison.Ordinal));

    private static bool IsCountHeader(string h) =>
        !IsExcluded(h)
        && (h.Contains("dang ky", StringComparison.Ordinal) || h.Contains("bluezone", StringComparison.Ordinal) || h.Contains("cai dat", StringComparison.Ordinal)
            || h is "registrations" or "count" or "so luong" or "so lieu" || h.StartsWith("so luong ", StringComparison.Ordinal));
}
