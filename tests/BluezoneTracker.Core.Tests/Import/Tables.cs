using BluezoneTracker.Core.Import;

namespace BluezoneTracker.Core.Tests.Import;

/// <summary>Builds the raw tables a file reader would produce, one string per cell, lines numbered from 1.</summary>
internal static class Tables
{
    public static RawTable Of(bool isSpreadsheet, params string[][] rows) =>
        new([.. rows.Select((r, i) => new RawRow(i + 1, [.. r.Select(c => new RawCell(c))]))], isSpreadsheet);

    public static RawTable Csv(params string[][] rows) => Of(isSpreadsheet: false, rows);

    public static RawTable Sheet(params string[][] rows) => Of(isSpreadsheet: true, rows);
}
