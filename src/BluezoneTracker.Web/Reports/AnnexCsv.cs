using System.Globalization;
using System.Text;
using BluezoneTracker.Core.Reports;

namespace BluezoneTracker.Web.Reports;

/// <summary>
/// The annex as CSV. Counts are plain integers (read the same in every spreadsheet locale); the
/// rate keeps its official text. Text cells that a spreadsheet would run as a formula are neutralised.
/// </summary>
/// <remarks>
/// A CSV is only its table (a header row, then one row per line): an annex with made-up figures says so in a last
/// column, <see cref="SyntheticHeader"/>, on every row — which rows are made up and which are real — so the label
/// stays with each row however the file is sorted, filtered or read by a program (decision 085). An annex with a child
/// area missing has the same column, its note on the total row (decision 180). An annex of real figures for every area
/// has no such column: its bytes are unchanged.
/// </remarks>
internal static class AnnexCsv
{
    /// <summary>The last column's header in an annex with made-up figures.</summary>
    public const string SyntheticHeader = "Ghi chú số liệu";

    /// <summary>That column's text on a row with made-up figures.</summary>
    public const string SyntheticRow = "SỐ LIỆU MINH HỌA — không phải số liệu thật";

    /// <summary>That column's text on a row of real figures in such an annex.</summary>
    public const string RealRow = "Số liệu thật";

    public static string Write(AnnexDocument document, AnnexNotes? notes = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var csv = new StringBuilder();
        var columns = document.Columns;
        var synthetic = notes?.SyntheticNotice is not null;

        // An annex with a child area missing marks its total "(*)" and withholds the figures that need every area; the
        // note that says so goes on the total row's own last cell, as the synthetic label does (a fresh user's trial,
        // round 10: the CSV had the mark without its note, and 34.700 read as the whole province's count).
        var withheld = document.WithheldLine;
        var noteColumn = synthetic || withheld is not null;

        // The area code follows the line number: a CSV is read back by programs, which match on codes.
        Line(csv, [columns[0].Header, "Mã", .. columns.Skip(1).Select(c => c.Header), .. noteColumn ? [SyntheticHeader] : Array.Empty<string>()]);
        foreach (var line in document.Lines)
        {
            var parts = new List<string>(2);
            if (synthetic)
            {
                parts.Add(notes!.IsSynthetic(line) ? SyntheticRow : RealRow);
            }

            if (withheld is not null && line.Kind == AnnexLineKind.Total)
            {
                parts.Add(document.CoverageLine is { } coverage ? coverage + ". " + withheld : withheld);
            }

            string[] label = noteColumn ? [string.Join("; ", parts)] : [];
            Line(csv, [Cell(columns[0], line), line.Code ?? string.Empty, .. columns.Skip(1).Select(c => Cell(c, line)), .. label]);
        }

        return csv.ToString();
    }

    // Counts and changes as plain integers; a count cell without a number keeps its text ("chưa có số liệu …").
    private static string Cell(AnnexColumn column, AnnexLine line) => column.Kind switch
    {
        AnnexColumnKind.Count or AnnexColumnKind.Change when column.Value(line) is { } value => value.ToString(CultureInfo.InvariantCulture),
        AnnexColumnKind.Change => line.WithheldText ?? string.Empty,
        _ => column.Text(line),
    };

    private static void Line(StringBuilder csv, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Quote(cells[i]));
        }

        csv.Append("\r\n");
    }

    internal static string Quote(string cell)
    {
        // A cell a spreadsheet would run as a formula, unless it is just a (negative) number.
        if (cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal) && !long.TryParse(cell, CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }

        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
