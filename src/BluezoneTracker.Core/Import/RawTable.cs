namespace BluezoneTracker.Core.Import;

/// <summary>
/// A cell as read from a file: its text, and its number when a spreadsheet stored it as one
/// (so that 1234.567 in a number cell is never read as the text "1.234.567").
/// </summary>
/// <param name="Error">
/// A spreadsheet's error value ("#DIV/0!", "#N/A", "#REF!"…) when the cell holds one instead of a value; or,
/// starting with "=", the formula of a cell that has no value computed by a spreadsheet program yet.
/// </param>
public readonly record struct RawCell(string? Value, decimal? Number = null, string? Error = null)
{
    /// <summary>The text of the cell; empty for a missing cell.</summary>
    public string Text => Value ?? string.Empty;

    public bool IsBlank => Number is null && Error is null && string.IsNullOrWhiteSpace(Text);

    public override string ToString() => Error ?? Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Text;
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

    /// <summary>How a person names a column: its letter in a spreadsheet ("D"), its number from 1 in a CSV file ("4").</summary>
    public string ColumnLabel(int column) => IsSpreadsheet ? ColumnLetters(column) : (column + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The same table with its text made comparable: legacy-encoded text (TCVN3, VNI) converted to Unicode,
    /// invisible characters (zero-width spaces, soft hyphens, byte-order marks, bidi marks) removed, and
    /// non-breaking spaces made plain spaces, so that neither names nor numbers differ by what cannot be seen.
    /// </summary>
    public RawTable Cleaned(LegacyEncoding? encoding)
    {
        var rows = new List<RawRow>(Rows.Count);
        foreach (var row in Rows)
        {
            RawCell[]? cells = null;
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var cell = row.Cells[c];
                if (cell.Value is not { Length: > 0 } text)
                {
                    continue;
                }

                var clean = Clean(encoding is { } e ? LegacyVietnamese.Convert(text, e) : text);
                if (!ReferenceEquals(clean, text) && clean != text)
                {
                    cells ??= [.. row.Cells];
                    cells[c] = cell with { Value = clean };
                }
            }

            rows.Add(cells is null ? row : row with { Cells = cells });
        }

        return this with { Rows = rows };
    }

    private static string Clean(string text)
    {
        if (!text.Any(c => c is '\u00A0' or '\u2007' or '\u202F' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\u00A0' or '\u2007' or '\u202F')
            {
                builder.Append(' ');
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>0 → "A", 25 → "Z", 26 → "AA".</summary>
    /// <summary>The index from 0 of a column named by its letters ("D" → 3, "AA" → 26; a cell reference's row digits are ignored); -1 without letters.</summary>
    public static int ColumnIndex(string letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var n = 0;
        foreach (var ch in letters)
        {
            if (!char.IsAsciiLetter(ch))
            {
                break;
            }

            n = (n * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return n - 1;
    }

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
