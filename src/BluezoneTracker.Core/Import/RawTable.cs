namespace BluezoneTracker.Core.Import;

/// <summary>
/// A cell as read from a file: its text, and its number when a spreadsheet stored it as one
/// (so that 1234.567 in a number cell is never read as the text "1.234.567").
/// </summary>
public readonly record struct RawCell(string? Value, decimal? Number = null)
{
    /// <summary>The text of the cell; empty for a missing cell.</summary>
    public string Text => Value ?? string.Empty;

    public bool IsBlank => Number is null && string.IsNullOrWhiteSpace(Text);

    public override string ToString() => Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Text;
}

/// <summary>One non-empty line of a file; <see cref="Line"/> is 1-based, as the user sees it.</summary>
public sealed record RawRow(int Line, IReadOnlyList<RawCell> Cells)
{
    public RawCell this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : default;
}

/// <summary>The rows of a CSV file or of a worksheet, before any interpretation.</summary>
public sealed record RawTable(IReadOnlyList<RawRow> Rows, bool IsSpreadsheet)
{
    /// <summary>"C7" for a spreadsheet, null for CSV (whose problems are located by line only).</summary>
    public string? CellName(int column, int line) => IsSpreadsheet ? ColumnLetters(column) + line.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>0 → "A", 25 → "Z", 26 → "AA".</summary>
    public static string ColumnLetters(int column)
    {
        var letters = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
