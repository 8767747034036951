using System.IO.Compression;
using System.Text;
using BluezoneTracker.Core.Import;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>
/// Turns an uploaded file into sheets of rows, whatever its name claims: the format is recognised by
/// its bytes (a zip holding a workbook, an OLE compound file, or text), and a spreadsheet format we do
/// not read (OpenDocument, a web page or Excel 2003 XML saved as .xls) is named in the refusal.
/// </summary>
public static class UploadedTable
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string XlsContentType = "application/vnd.ms-excel";

    private static ReadOnlySpan<byte> CompoundFile => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static bool IsXlsx(byte[] bytes) => bytes is [0x50, 0x4B, 0x03, 0x04, ..];

    public static bool IsCompoundFile(byte[] bytes) => bytes.AsSpan().StartsWith(CompoundFile);

    public static (RawWorkbook? Workbook, ImportProblem? Problem) Read(byte[] bytes, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(options);
        if (bytes.Length == 0)
        {
            return (null, new ImportProblem(ImportProblemKind.EmptyFile));
        }

        if (bytes.LongLength > options.MaxFileBytes)
        {
            return (null, TooLarge(bytes.LongLength, options));
        }

        if (IsXlsx(bytes))
        {
            // Measured first: even reading a zip's directory to tell its kind must not meet a bomb unprepared.
            if (SpreadsheetTable.Measure(bytes, options.MaxUncompressedBytes) is { } unsafeZip)
            {
                return (null, unsafeZip);
            }

            return ZipKind(bytes) is { } other
                ? (null, new ImportProblem(ImportProblemKind.OtherFormat, Value: other))
                : SpreadsheetTable.Read(bytes, FileFormat.Xlsx);
        }

        if (IsCompoundFile(bytes))
        {
            return SpreadsheetTable.Read(bytes, FileFormat.Xls);
        }

        if (TextKind(bytes) is { } kind)
        {
            return (null, new ImportProblem(ImportProblemKind.OtherFormat, Value: kind));
        }

        var (table, problem) = CsvTable.Read(bytes);
        return table is null ? (null, problem) : (RawWorkbook.Csv(table), null);
    }

    /// <summary>The refusal of a file over the limit: its size in bytes (the file's, never the request's; null when it cannot be told) and the limit.</summary>
    public static ImportProblem TooLarge(long? length, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(ImportProblemKind.FileTooLarge, Value: length?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Other: options.MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static string ContentTypeOf(byte[] bytes) =>
        IsXlsx(bytes) ? XlsxContentType : bytes is not null && IsCompoundFile(bytes) ? XlsContentType : "text/csv";

    /// <summary>Null for an .xlsx (or a zip too broken to tell: the reader says so); otherwise what the zip is.</summary>
    private static string? ZipKind(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                var type = reader.ReadToEnd();
                return type.Contains("opendocument.spreadsheet", StringComparison.Ordinal) ? "ods" : "doc";
            }

            return zip.Entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal) || e.FullName.StartsWith("ppt/", StringComparison.Ordinal)) ? "doc" : "zip";
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            return null;
        }
    }

    /// <summary>A web page, an Excel 2003 XML workbook, a PDF or an RTF document, told by how the file starts.</summary>
    private static string? TextKind(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith("%PDF"u8))
        {
            return "pdf";
        }

        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            var utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            head = utf16.GetString(bytes, 2, Math.Min(bytes.Length - 2, 4096) & ~1);
        }

        var start = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        if (start.StartsWith("{\\rtf", StringComparison.Ordinal))
        {
            return "doc";
        }

        if (start.StartsWith('<'))
        {
            if (start.Contains("urn:schemas-microsoft-com:office:spreadsheet", StringComparison.Ordinal) || start.Contains("<workbook", StringComparison.Ordinal))
            {
                return "xml2003";
            }

            if (start.Contains("<html", StringComparison.Ordinal) || start.Contains("<table", StringComparison.Ordinal) || start.StartsWith("<!doctype", StringComparison.Ordinal))
            {
                return "html";
            }
        }

        return null;
    }
}
