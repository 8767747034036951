using System.Globalization;
using System.Text;
using BluezoneTracker.Core.Reports;

namespace BluezoneTracker.Web.Reports;

/// <summary>
/// The annex as CSV. Counts are plain integers (read the same in every spreadsheet locale); the
/// rate keeps its official text. Text cells that a spreadsheet would run as a formula are neutralised.
/// </summary>
internal static class AnnexCsv
{
    public static string Write(AnnexDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var csv = new StringBuilder();
        var columns = document.Columns;

        // The area code follows the line number: a CSV is read back by programs, which match on codes.
        Line(csv, [columns[0].Header, "Mã", .. columns.Skip(1).Select(c => c.Header)]);
        foreach (var line in document.Lines)
        {
            Line(csv, [Cell(columns[0], line), line.Code ?? string.Empty, .. columns.Skip(1).Select(c => Cell(c, line))]);
        }

        return csv.ToString();
    }

    // Counts and changes as plain integers; a count cell without a number keeps its text ("chưa có số liệu …").
    private static string Cell(AnnexColumn column, AnnexLine line) => column.Kind switch
    {
        AnnexColumnKind.Count or AnnexColumnKind.Change when column.Value(line) is { } value => value.ToString(CultureInfo.InvariantCulture),
        AnnexColumnKind.Change => string.Empty,
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
