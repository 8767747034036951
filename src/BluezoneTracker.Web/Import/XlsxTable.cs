using System.Globalization;
using System.IO.Compression;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Import;
using ClosedXML.Excel;

namespace BluezoneTracker.Web.Import;

/// <summary>
/// Reads the first worksheet of an .xlsx (or one named for the purpose, e.g. "Số liệu"), opened
/// defensively: the zip is measured before ClosedXML sees it, and formulas are read as the
/// values Excel cached, never evaluated.
/// </summary>
internal static class XlsxTable
{
    private const int MaxEntries = 2_000;

    private static readonly string[] PurposeSheetNames = ["so lieu", "nhap lieu", "nhap", "import", "counts", "data"];

    public static (RawTable? Table, ImportProblem? Problem) Read(byte[] bytes, long maxUncompressedBytes)
    {
        var measured = Measure(bytes, maxUncompressedBytes);
        if (measured is not null)
        {
            return (null, measured);
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var workbook = new XLWorkbook(stream);
            var sheet = workbook.Worksheets.FirstOrDefault(w => PurposeSheetNames.Contains(VietnameseText.Fold(w.Name)))
                ?? workbook.Worksheets.FirstOrDefault();
            return sheet is null ? (null, new ImportProblem(ImportProblemKind.EmptyFile)) : ReadSheet(sheet);
        }
#pragma warning disable CA1031 // A hostile or broken workbook can make ClosedXML or the Open XML SDK throw almost anything; each means "unreadable".
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return (null, new ImportProblem(ImportProblemKind.UnreadableWorkbook));
        }
    }

    /// <summary>
    /// Refuses a zip whose entries would inflate beyond the limit. The sizes in the zip's directory
    /// can lie, so the entries are also inflated into a counting sink that stops at the limit.
    /// </summary>
    private static ImportProblem? Measure(byte[] bytes, long maxUncompressedBytes)
    {
        var tooLarge = new ImportProblem(ImportProblemKind.WorkbookTooLarge, Other: maxUncompressedBytes.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                return tooLarge;
            }

            if (zip.Entries.Sum(e => e.Length) > maxUncompressedBytes)
            {
                return tooLarge;
            }

            var budget = maxUncompressedBytes;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var inflated = entry.Open();
                int read;
                while ((read = inflated.Read(buffer, 0, buffer.Length)) > 0)
                {
                    budget -= read;
                    if (budget < 0)
                    {
                        return tooLarge;
                    }
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return new ImportProblem(ImportProblemKind.UnreadableWorkbook);
        }
        catch (NotSupportedException)
        {
            return new ImportProblem(ImportProblemKind.UnreadableWorkbook);
        }
    }

    private static (RawTable? Table, ImportProblem? Problem) ReadSheet(IXLWorksheet sheet)
    {
        var used = sheet.RangeUsed();
        if (used is null)
        {
            return (null, new ImportProblem(ImportProblemKind.EmptyFile));
        }

        var lastRow = used.LastRow().RowNumber();
        var lastColumn = Math.Min(used.LastColumn().ColumnNumber(), 64);
        if (lastRow > CountsTable.MaxRows)
        {
            return (null, CountsTable.TooManyRows);
        }

        var rows = new List<RawRow>();
        foreach (var row in sheet.Rows(1, lastRow))
        {
            var cells = new RawCell[lastColumn];
            var blank = true;
            for (var c = 1; c <= lastColumn; c++)
            {
                var cell = row.Cell(c);
                var (value, problem) = Value(cell);
                if (problem is not null)
                {
                    return (null, problem);
                }

                cells[c - 1] = value;
                blank &= value.IsBlank;
            }

            if (!blank)
            {
                rows.Add(new RawRow(row.RowNumber(), cells));
            }
        }

        return (new RawTable(rows, IsSpreadsheet: true), null);
    }

    private static (RawCell Value, ImportProblem? Problem) Value(IXLCell cell)
    {
        if (cell.HasFormula)
        {
            var cached = cell.CachedValue;
            var text = Convert.ToString(cached, CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(text))
            {
                return (default, new ImportProblem(ImportProblemKind.FormulaWithoutValue, cell.Address.RowNumber, cell.Address.ToString(), "=" + cell.FormulaA1));
            }

            return cached is double or int or long or decimal
                ? (new RawCell(text, Convert.ToDecimal(cached, CultureInfo.InvariantCulture)), null)
                : (new RawCell(text), null);
        }

        return cell.DataType switch
        {
            XLDataType.Number => (NumberCell(cell.GetDouble()), null),
            XLDataType.DateTime => (new RawCell(VietnameseFormat.IsoDate(DateOnly.FromDateTime(cell.GetDateTime()))), null),
            _ => (new RawCell(cell.GetString()), null),
        };
    }

    private static RawCell NumberCell(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 1e15
            ? new RawCell(value.ToString(CultureInfo.InvariantCulture), (decimal)value)
            : new RawCell(value.ToString(CultureInfo.InvariantCulture));
}
