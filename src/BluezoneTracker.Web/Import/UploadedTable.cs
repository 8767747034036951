using BluezoneTracker.Core.Import;

namespace BluezoneTracker.Web.Import;

/// <summary>Turns an uploaded file into rows, whatever its name claims: an .xlsx is recognised by its zip signature.</summary>
public static class UploadedTable
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static bool IsXlsx(byte[] bytes) => bytes is [0x50, 0x4B, 0x03, 0x04, ..];

    public static (RawTable? Table, ImportProblem? Problem) Read(byte[] bytes, ImportOptions options)
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

        return IsXlsx(bytes) ? XlsxTable.Read(bytes, options.MaxUncompressedBytes) : CsvTable.Read(bytes);
    }

    public static ImportProblem TooLarge(long length, ImportOptions options) =>
        new(ImportProblemKind.FileTooLarge, Value: length.ToString(System.Globalization.CultureInfo.InvariantCulture), Other: options.MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string ContentTypeOf(byte[] bytes) => IsXlsx(bytes) ? XlsxContentType : "text/csv";
}
