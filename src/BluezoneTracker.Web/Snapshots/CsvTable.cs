using System.Text;
using BluezoneTracker.Core.Import;
using CsvHelper;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>
/// Reads a CSV saved by whatever Vietnamese office PC: UTF-8 with or without BOM, UTF-16 with BOM,
/// Windows-1258, or the legacy TCVN3/VNI bytes (kept as Latin-1 characters for
/// <see cref="LegacyVietnamese"/> to convert); comma, semicolon or tab, detected by CsvHelper.
/// A file whose letters a code page turned into '?' is refused: the letters cannot be recovered.
/// </summary>
internal static partial class CsvTable
{
    // A '?' inside or at the start of a word: "Huy?n M?c Ch?u", "?i?n Bi?n" — letters lost to a code page.
    [System.Text.RegularExpressions.GeneratedRegex(@"\p{L}\?+\p{L}|(?<![\p{L}\p{N}])\?+\p{L}", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex LostLetters();

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvTable() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (RawTable? Table, ImportProblem? Problem) Read(byte[] bytes)
    {
        var text = Decode(bytes);
        if (text is null)
        {
            return (null, new ImportProblem(ImportProblemKind.NotATable));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new ImportProblem(ImportProblemKind.EmptyFile));
        }

        var options = new CsvReaderOptions
        {
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            MaxRecordSize = 64 * 1024,
        };
        var rows = new List<RawRow>();
        try
        {
            using var reader = CsvReader.FromText(text, options);
            while (reader.Read())
            {
                if (rows.Count >= CountsTable.MaxRows)
                {
                    return (null, CountsTable.TooManyRows);
                }

                var cells = new RawCell[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = new RawCell(reader.GetString(i));
                }

                var line = checked((int)reader.LineNumber);
                if (cells.FirstOrDefault(c => LostLetters().IsMatch(c.Text)) is { Value: { } lost })
                {
                    return (null, new ImportProblem(ImportProblemKind.LettersLost, line, null, lost));
                }

                rows.Add(new RawRow(line, cells));
            }
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException or InvalidOperationException)
        {
            return (null, new ImportProblem(ImportProblemKind.NotATable));
        }

        return (new RawTable(rows, IsSpreadsheet: false), null);
    }

    /// <summary>The text of the file, or null when it is not text (binary bytes, control characters).</summary>
    internal static string? Decode(byte[] bytes)
    {
        string text;
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            // Encoding.GetString honours neither BOM: pick the encoding by it and drop it.
            var encoding = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            text = encoding.GetString(bytes, 2, bytes.Length - 2);
        }
        else if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return null;
        }
        else
        {
            var offset = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
            try
            {
                text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
            }
            catch (DecoderFallbackException)
            {
                // Not UTF-8: a Vietnamese Windows PC saves "ANSI" text as Windows-1258, unless it was typed
                // in a TCVN3 or VNI font, whose bytes are kept one character each for the table's conversion.
                var windows1258 = Encoding.GetEncoding(1258).GetString(bytes);
                var latin1 = Encoding.Latin1.GetString(bytes);
                text = !LegacyVietnamese.ReadsAsVietnamese(windows1258) && LegacyVietnamese.Detect(latin1.Split('\n')) is not null ? latin1 : windows1258;
            }
        }

        return text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')) ? null : text;
    }
}
