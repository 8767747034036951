using BluezoneTracker.Core.Reports;

namespace BluezoneTracker.Web.Pages.Annex;

/// <summary>
/// The on-screen annex cut into consecutive blocks of lines, so that a phone lays out only the block on its
/// first screen and the others when the user scrolls near them (decision 120). Each block is its own table in a
/// box with <c>content-visibility: auto</c>; together they are one ARIA table and look like one table: every
/// block also holds the same hidden <see cref="SizingRows"/> (plus the header), the cells that decide each
/// column's width in the whole annex, so the browser's own table layout gives every block the column widths
/// the single 700-row table had, at any screen width. Paper and the files are unchanged (the print CSS joins the
/// blocks back into one table whose header repeats on every page).
/// </summary>
public static class AnnexScreenBlocks
{
    /// <summary>Lines in every block but the first, which also takes the remainder (so it holds 50–99 lines).</summary>
    public const int LinesPerBlock = 50;

    /// <summary>
    /// How many texts of each column the sizing rows carry: the longest ones by character count. Number
    /// columns are written with tabular digits, so the longest text is the widest; names are proportional
    /// text, so more of them are kept, and also the names with the longest word (the narrowest a name's
    /// column can wrap to on a phone).
    /// </summary>
    public const int NumberTexts = 3;

    /// <inheritdoc cref="NumberTexts"/>
    public const int NameTexts = 8;

    /// <inheritdoc cref="NumberTexts"/>
    public const int NameWordTexts = 4;

    /// <summary>
    /// The annex's lines in consecutive blocks, in order, each line exactly once: one block up to
    /// 2 × <see cref="LinesPerBlock"/> − 1 lines (the seed's 13 lines stay one block), otherwise blocks of
    /// <see cref="LinesPerBlock"/> lines with the remainder in the first block, which is laid out at once anyway;
    /// the others then all have the same height, which the CSS gives as their placeholder size.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<AnnexLine>> Split(IReadOnlyList<AnnexLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var count = Math.Max(1, lines.Count / LinesPerBlock);
        var first = lines.Count - (LinesPerBlock * (count - 1));
        var blocks = new List<IReadOnlyList<AnnexLine>>(count) { lines.Take(first).ToArray() };
        for (var start = first; start < lines.Count; start += LinesPerBlock)
        {
            blocks.Add(lines.Skip(start).Take(LinesPerBlock).ToArray());
        }

        return blocks;
    }

    /// <summary>
    /// Hidden rows (CSS <c>visibility: collapse</c>: no height, no paint, not read aloud, not found by
    /// find-in-page, but counted by the table layout) that give every block the widest cells of the whole annex,
    /// column by column: the total line (bold) as it is, then one row whose cell in each column holds that column's
    /// longest texts one per line (decision 131: one cell with several lines instead of a row per text, 2 rows
    /// instead of 13 per block). A column's width in the browser's table layout depends only on the widest content
    /// of its cells (the widest line of a cell whose lines break only where the text does: CSS
    /// <c>white-space: pre-line</c>, <c>pre</c> for the number columns that never wrap) and its longest word, so a
    /// block holding these rows and the header sizes its columns as the whole table would. Empty when the annex is
    /// one block.
    /// </summary>
    /// <returns>
    /// The total's row (<see cref="SizingRow.IsTotal"/>) with one text per column, then the row of each column's
    /// longest texts separated by line feeds (<c>\n</c>).
    /// </returns>
    public static IReadOnlyList<SizingRow> SizingRows(AnnexDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Lines.Count < 2 * LinesPerBlock)
        {
            return [];
        }

        var columns = document.Columns;
        var rows = document.Lines.Where(l => l.Kind == AnnexLineKind.Total)
            .Select(l => new SizingRow(true, [.. columns.Select(c => c.Text(l))]))
            .ToList();
        var others = document.Lines.Where(l => l.Kind != AnnexLineKind.Total).ToArray();
        rows.Add(new SizingRow(false, [.. columns.Select(column => string.Join('\n', Widest(column, others)))]));
        return rows;
    }

    private static IReadOnlyList<string> Widest(AnnexColumn column, IReadOnlyList<AnnexLine> lines)
    {
        var texts = lines.Select(column.Text).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var longest = texts.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal);
        if (column.Kind != AnnexColumnKind.Name)
        {
            return [.. longest.Take(NumberTexts)];
        }

        var longestWord = texts.OrderByDescending(t => t.Split(' ').Max(w => w.Length)).ThenBy(t => t, StringComparer.Ordinal);
        return [.. longest.Take(NameTexts).Concat(longestWord.Take(NameWordTexts)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>One hidden sizing row: one cell per annex column (several texts in a cell are separated by line feeds); <paramref name="IsTotal"/> rows are bold like the total line.</summary>
    public sealed record SizingRow(bool IsTotal, IReadOnlyList<string> Cells);
}
