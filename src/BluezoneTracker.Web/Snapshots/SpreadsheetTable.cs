using System.Globalization;
using System.IO.Compression;
using System.Xml;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Import;
using ExcelDataReader;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>
/// Reads every worksheet of an .xlsx or an Excel 97-2003 .xls with ExcelDataReader (streaming, and
/// tolerant of what LibreOffice, WPS, Google Sheets and small generators write: no styles part, inline
/// strings, shared formulas, comments). Formulas are read as the values the spreadsheet program cached,
/// never evaluated. See docs/decisions/010-excel-reading-library.md.
/// </summary>
internal static class SpreadsheetTable
{
    private const int MaxEntries = 2_000;

    /// <summary>Columns beyond this are never part of a counts table (and a hostile file cannot make rows wide).</summary>
    private const int MaxColumns = 64;

    static SpreadsheetTable() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static (RawWorkbook? Workbook, ImportProblem? Problem) Read(byte[] bytes, FileFormat format)
    {
        Dictionary<string, Dictionary<(int Row, int Column), string>> marks = [];
        if (format == FileFormat.Xlsx)
        {
            // The caller measured the zip (Measure) before anything inflates it.
            marks = XlsxCellMarks.Read(bytes);
        }
        else if (format == FileFormat.Xls)
        {
            // ExcelDataReader 3.6 reads a BIFF8 error cell as empty; the errors are read from the records themselves.
            marks = XlsErrorCells.Read(bytes);
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = format == FileFormat.Xls ? ExcelReaderFactory.CreateBinaryReader(stream) : ExcelReaderFactory.CreateOpenXmlReader(stream);
            var sheets = new List<RawSheet>();
            do
            {
                var (table, problem) = ReadSheet(reader, marks.GetValueOrDefault(reader.Name ?? string.Empty));
                if (problem is not null)
                {
                    return (null, problem);
                }

                var visibility = reader.VisibleState?.ToLowerInvariant() switch
                {
                    "hidden" => SheetVisibility.Hidden,
                    "veryhidden" => SheetVisibility.VeryHidden,
                    _ => SheetVisibility.Visible,
                };
                sheets.Add(new RawSheet(reader.Name ?? string.Empty, visibility, table!));
            }
            while (reader.NextResult());

            return (new RawWorkbook(format, sheets), null);
        }
#pragma warning disable CA1031 // A hostile or broken workbook can make the reader throw almost anything; each means "unreadable".
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return (null, new ImportProblem(ImportProblemKind.UnreadableWorkbook));
        }
    }

    private static (RawTable? Table, ImportProblem? Problem) ReadSheet(IExcelDataReader reader, Dictionary<(int Row, int Column), string>? marks)
    {
        var rows = new List<RawRow>();
        var line = 0;
        while (reader.Read())
        {
            line++;
            if (line > CountsTable.MaxRows)
            {
                return (null, CountsTable.TooManyRows);
            }

            var width = Math.Min(reader.FieldCount, MaxColumns);
            RawCell[]? cells = null;
            for (var c = 0; c < width; c++)
            {
                var value = reader.GetValue(c);
                var cell = value switch
                {
                    null => default,
                    double d => NumberCell(d),
                    DateTime t => new RawCell(VietnameseFormat.IsoDate(DateOnly.FromDateTime(t))),
                    bool b => new RawCell(b ? "TRUE" : "FALSE"),
                    string s => new RawCell(s),
                    _ => new RawCell(Convert.ToString(value, CultureInfo.InvariantCulture)),
                };
                if (marks is not null && marks.TryGetValue((line, c), out var mark))
                {
                    cell = new RawCell(null, null, mark);
                }

                if (!cell.IsBlank)
                {
                    cells ??= new RawCell[width];
                    cells[c] = cell;
                }
            }

            // Error cells and formulas without a value read as empty: they are put back from the marks.
            if (cells is null && marks is not null && marks.Keys.Any(k => k.Row == line))
            {
                cells = new RawCell[width];
            }

            if (cells is not null)
            {
                rows.Add(new RawRow(line, cells));
            }
        }

        return (new RawTable(rows, IsSpreadsheet: true), null);
    }

    private static RawCell NumberCell(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 1e15
            ? new RawCell(value.ToString(CultureInfo.InvariantCulture), (decimal)value)
            : new RawCell(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Refuses a zip whose entries would inflate beyond the limit. The sizes in the zip's directory
    /// can lie, so the entries are also inflated into a counting sink that stops at the limit.
    /// </summary>
    internal static ImportProblem? Measure(byte[] bytes, long maxUncompressedBytes)
    {
        var tooLarge = new ImportProblem(ImportProblemKind.WorkbookTooLarge, Other: maxUncompressedBytes.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > maxUncompressedBytes)
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
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            return new ImportProblem(ImportProblemKind.UnreadableWorkbook);
        }
    }
}

/// <summary>
/// What ExcelDataReader 3.6 reads as an empty cell but must not be taken for one: error values
/// (<c>t="e"</c>: #DIV/0!, #N/A, #REF!…) and formulas without a cached value. One streaming pass over
/// each worksheet part, keyed by sheet name, then 1-based row and 0-based column.
/// </summary>
internal static class XlsxCellMarks
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static Dictionary<string, Dictionary<(int Row, int Column), string>> Read(byte[] bytes)
    {
        var result = new Dictionary<string, Dictionary<(int, int), string>>(StringComparer.Ordinal);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var parts = SheetParts(zip);
            foreach (var (name, path) in parts)
            {
                if (Find(zip, path) is not { } entry)
                {
                    continue;
                }

                var marks = Scan(entry);
                if (marks.Count > 0)
                {
                    result[name] = marks;
                }
            }
        }
#pragma warning disable CA1031 // A part we cannot scan leaves its cells as the reader gives them; the reader reports a broken file itself.
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
#pragma warning restore CA1031
        {
            return result;
        }

        return result;
    }

    private static ZipArchiveEntry? Find(ZipArchive zip, string path) =>
        zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>Sheet name → part path, from xl/workbook.xml and its relationships.</summary>
    private static List<(string Name, string Path)> SheetParts(ZipArchive zip)
    {
        var ids = new List<(string Name, string Id)>();
        if (Find(zip, "xl/workbook.xml") is not { } workbook)
        {
            return [];
        }

        using (var xml = XmlReader.Create(workbook.Open(), Settings))
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.NamespaceURI == Main)
                {
                    ids.Add((xml.GetAttribute("name") ?? string.Empty, xml.GetAttribute("id", Relationships) ?? string.Empty));
                }
            }
        }

        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Find(zip, "xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var xml = XmlReader.Create(rels.Open(), Settings);
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }

        return [.. ids.Where(i => targets.ContainsKey(i.Id)).Select(i => (i.Name, targets[i.Id]))];
    }

    private static Dictionary<(int Row, int Column), string> Scan(ZipArchiveEntry entry)
    {
        var marks = new Dictionary<(int, int), string>();
        using var xml = XmlReader.Create(entry.Open(), Settings);
        var row = 0;
        var column = -1;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "row")
            {
                row = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                column = -1;
                continue;
            }

            if (xml.LocalName != "c")
            {
                continue;
            }

            var reference = xml.GetAttribute("r");
            column = reference is null ? column + 1 : RawTable.ColumnIndex(reference);
            var type = xml.GetAttribute("t");
            if (xml.IsEmptyElement)
            {
                continue;
            }

            string? formula = null, value = null;
            var depth = xml.Depth;
            xml.Read();
            while (!xml.EOF && xml.Depth > depth)
            {
                // ReadElementContentAsString moves past the element itself, so no Read after it.
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "f")
                {
                    var text = xml.ReadElementContentAsString();
                    formula = text.Length > 0 ? text : "…";
                }
                else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v")
                {
                    value = xml.ReadElementContentAsString();
                }
                else
                {
                    xml.Read();
                }
            }

            if (type == "e" && !string.IsNullOrEmpty(value))
            {
                marks[(row, column)] = value;
            }
            else if (formula is not null && string.IsNullOrEmpty(value))
            {
                marks[(row, column)] = "=" + formula;
            }
        }

        return marks;
    }

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, CloseInput = true };
}
