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
        var headers = document.Headers;
        Line(csv, [headers[0], "Mã", headers[1], headers[2], headers[3], headers[4], headers[5]]);
        foreach (var line in document.Lines)
        {
            Line(csv,
            [
                line.NumberText,
                line.Code ?? string.Empty,
                line.Name,
                Integer(line.Population),
                line.MissingText ?? Integer(line.Registrations),
                Integer(line.Change),
                line.RateText,
            ]);
        }

        return csv.ToString();
    }

    private static string Integer(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

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
