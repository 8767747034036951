namespace BluezoneTracker.Core.Reports;

/// <summary>What a column of the annex holds, which decides how a renderer writes its cells.</summary>
public enum AnnexColumnKind
{
    /// <summary>The line number ("TT"): a whole number, centred.</summary>
    Number,

    /// <summary>The area's official name, or the unassigned and total rows' words.</summary>
    Name,

    /// <summary>A head count or a registrations count: a whole number with thousands separators.</summary>
    Count,

    /// <summary>A signed change ("+ 4.024").</summary>
    Change,

    /// <summary>An exact fraction printed as a percentage with the line's decimals.</summary>
    Rate,
}

/// <summary>How a column's cells are aligned (headers are always centred).</summary>
public enum AnnexAlignment
{
    Center,
    Left,
    Right,
}

/// <summary>
/// One column of the official annex, declared once: its header, kind, widths, alignment and how a line's
/// value and text are read. The annex page, the CSV, the Excel file and the PDF all loop over
/// <see cref="AnnexDocument.Columns"/>, so a column is added, moved or renamed in one place.
/// </summary>
/// <param name="Header">The header as printed ("Dân số"; the children's header follows the area's kind).</param>
/// <param name="WidthPoints">Width in the PDF, in points (the six columns fill the A4 landscape content width, 743 pt).</param>
/// <param name="WidthCharacters">Width in the spreadsheet, in characters of the default font.</param>
/// <param name="Text">The cell as printed: "103.392", "+ 4.024", "20,4 %", or the missing text of an area without a count.</param>
/// <param name="Value">The exact number behind the text (null for the name column and for empty cells).</param>
public sealed record AnnexColumn(
    string Header,
    AnnexColumnKind Kind,
    AnnexAlignment Alignment,
    double WidthPoints,
    double WidthCharacters,
    Func<AnnexLine, string> Text,
    Func<AnnexLine, decimal?> Value)
{
    /// <summary>
    /// The six columns of the dispatch's annex, in order, with the given headers (TT, children, Dân số,
    /// Số Bluezone đã đăng ký số điện thoại, So với ngày …, Tỷ lệ …/Dân số).
    /// </summary>
    public static IReadOnlyList<AnnexColumn> Official(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Count != Layout.Length)
        {
            throw new ArgumentException($"The annex has {Layout.Length} columns; {headers.Count} headers were given.", nameof(headers));
        }

        return [.. Layout.Select((c, i) => c with { Header = headers[i] })];
    }

    /// <summary>The cells of a line as printed, one per official column.</summary>
    public static IReadOnlyList<string> TextsOf(AnnexLine line) => [.. Layout.Select(c => c.Text(line))];

    private static readonly AnnexColumn[] Layout =
    [
        new(string.Empty, AnnexColumnKind.Number, AnnexAlignment.Center, 34, 6, l => l.NumberText, l => l.Number),
        new(string.Empty, AnnexColumnKind.Name, AnnexAlignment.Left, 232, 40, l => l.Name, _ => null),
        new(string.Empty, AnnexColumnKind.Count, AnnexAlignment.Right, 96, 14, l => l.PopulationText, l => l.Population),
        new(string.Empty, AnnexColumnKind.Count, AnnexAlignment.Right, 126, 20, l => l.RegistrationsText, l => l.Registrations),
        new(string.Empty, AnnexColumnKind.Change, AnnexAlignment.Right, 106, 17, l => l.ChangeText, l => l.Change),
        new(string.Empty, AnnexColumnKind.Rate, AnnexAlignment.Right, 149, 26, l => l.RateText, l => l.Rate),
    ];
}
