using System.Globalization;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Snapshots;

namespace BluezoneTracker.Core.Import;

/// <summary>A row of a file that was matched to an area.</summary>
public sealed record MatchedRow(int Line, Area Area, string TypedName, MatchKind MatchedBy, long Count);

/// <summary>What a file says, once read: matched counts, the unassigned and total rows, and any problems.</summary>
public sealed record CountsFile(
    IReadOnlyList<MatchedRow> Rows,
    long? Unassigned,
    long? TypedTotal,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<DataWarning> Warnings)
{
    public SnapshotCounts ToCounts(DateOnly date) =>
        new(date, Rows.ToDictionary(r => r.Area.Code, r => r.Count, StringComparer.Ordinal), Unassigned ?? 0);
}

/// <summary>
/// Reads counts from the rows of a file: our template, our annex export, or the official annex
/// as staff type it (title rows, the TT column, the unassigned and total rows are recognised).
/// </summary>
public static class CountsTable
{
    /// <summary>Longer than any administrative name or header; longer text is refused.</summary>
    public const int MaxCellLength = 200;

    public const int MaxRows = 50_000;

    /// <summary>The problem of a file with more than <see cref="MaxRows"/> rows, however it is read.</summary>
    public static ImportProblem TooManyRows { get; } = new(ImportProblemKind.TooManyRows, Other: MaxRows.ToString(CultureInfo.InvariantCulture));

    /// <summary>The header is looked for among the first rows (title rows come before it).</summary>
    private const int HeaderSearchRows = 20;

    public static CountsFile Read(RawTable table, AreaMatcher matcher, Area parent)
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

        var header = FindHeader(table);
        if (header is null)
        {
            return Failed(new ImportProblem(ImportProblemKind.MissingColumns, table.Rows[0].Line));
        }

        var columns = header.Value;
        var rows = new List<MatchedRow>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        long? unassigned = null;
        long? typedTotal = null;
        var unassignedName = VietnameseText.Fold("chưa xác định");
        foreach (var row in table.Rows.Where(r => r.Line > columns.HeaderLine))
        {
            var nameCell = columns.Name is { } n ? row[n] : default;
            var codeCell = columns.Code is { } k ? row[k] : default;
            var countCell = row[columns.Count];
            if (nameCell.IsBlank && codeCell.IsBlank && countCell.IsBlank)
            {
                continue;
            }

            var name = nameCell.ToString().Trim();
            var folded = VietnameseText.Fold(name);
            var (count, countProblem) = CountText.Parse(countCell);
            var countCellName = table.CellName(columns.Count, row.Line);
            if (countProblem is { } p)
            {
                problems.Add(new ImportProblem(p, row.Line, countCellName, countCell.ToString(), p == ImportProblemKind.CountTooLarge ? CountText.MaxCount.ToString(CultureInfo.InvariantCulture) : null));
                continue;
            }

            if (folded.Contains(unassignedName, StringComparison.Ordinal))
            {
                unassigned = count;
                continue;
            }

            if (IsTotal(folded))
            {
                typedTotal = count;
                continue;
            }

            if (count is null)
            {
                // A district left blank is missing from the snapshot: a warning, not an error.
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
        if (typedTotal is { } total && total != sum && problems.Count == 0)
        {
            warnings.Add(new DataWarning(DataWarningKind.TypedTotalMismatch, parent.Code, parent.Name, total, sum));
        }

        return new CountsFile(rows, unassigned, typedTotal, problems, warnings);
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

    private static bool IsTotal(string folded) =>
        folded.StartsWith("toan tinh", StringComparison.Ordinal)
        || folded.StartsWith("tong", StringComparison.Ordinal)
        || folded.StartsWith("total", StringComparison.Ordinal)
        || folded.StartsWith("cong", StringComparison.Ordinal);

    private readonly record struct Columns(int HeaderLine, int? Code, int? Name, int Count);

    private static Columns? FindHeader(RawTable table)
    {
        foreach (var row in table.Rows.Take(HeaderSearchRows))
        {
            int? code = null, name = null, count = null;
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
                else if (count is null && IsCountHeader(h))
                {
                    count = c;
                }
            }

            if (count is { } countColumn && (name is not null || code is not null))
            {
                return new Columns(row.Line, code, name, countColumn);
            }
        }

        return null;
    }

    private static bool IsCodeHeader(string h) =>
        h is "ma" or "code" or "area code" or "ma so" || h.StartsWith("ma ", StringComparison.Ordinal);

    private static readonly string[] NameHeaders =
        ["huyen", "ten", "thanh pho", "dia ban", "don vi", "xa", "phuong", "district", "name", "area"];

    private static bool IsNameHeader(string h) =>
        NameHeaders.Any(p => h == p || h.StartsWith(p + " ", StringComparison.Ordinal) || h.StartsWith(p + ",", StringComparison.Ordinal) || h.StartsWith(p + "/", StringComparison.Ordinal));

    private static bool IsCountHeader(string h) =>
        !h.StartsWith("ty le", StringComparison.Ordinal)
        && (h.Contains("dang ky", StringComparison.Ordinal) || h.Contains("bluezone", StringComparison.Ordinal) || h.Contains("cai dat", StringComparison.Ordinal)
            || h is "registrations" or "count" or "so luong" or "so lieu");
}
