using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace BluezoneTracker.Browser.Tests.Infrastructure;

/// <summary>
/// Where the on-screen annex's cells are (decision 120: the table is cut into blocks drawn when near the screen):
/// every block is scrolled into view, so that the browser draws it, and its lines are read with their cells' boxes
/// in page coordinates. What the assertions check is what an official sees: one table, every line once, in order.
/// </summary>
public static class AnnexGeometry
{
    /// <summary>A cell's text and box (CSS px, page coordinates).</summary>
    public sealed record Cell(string Text, double X, double Width, double Top, double Bottom);

    /// <summary>A line of the annex: its ARIA row index, its class ("total", "unassigned" or empty) and cells.</summary>
    public sealed record Line(int RowIndex, string Kind, IReadOnlyList<Cell> Cells)
    {
        public double Top => Cells[0].Top;

        public double Bottom => Cells[0].Bottom;
    }

    /// <summary>The header's cells, the table's ARIA row count and the lines block by block.</summary>
    public sealed record Table(IReadOnlyList<Cell> Header, int RowCount, IReadOnlyList<IReadOnlyList<Line>> Blocks)
    {
        public IReadOnlyList<Line> Lines => [.. Blocks.SelectMany(b => b)];
    }

    private const string ReadScript = """
        async () => {
          const table = document.querySelector('[data-testid=annex-table]');
          const box = c => { const r = c.getBoundingClientRect(); return { text: c.textContent.trim(), x: r.x + scrollX, width: r.width, top: r.top + scrollY, bottom: r.bottom + scrollY }; };
          const out = { rowCount: table.getAttribute('aria-rowcount'), header: [...table.querySelectorAll('thead th')].map(box), blocks: [] };
          for (const block of table.querySelectorAll(':scope > .annex-block')) {
            block.scrollIntoView({ block: 'start', behavior: 'instant' });
            await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
            out.blocks.push([...block.querySelectorAll('tbody tr')].map(tr => ({ rowIndex: tr.getAttribute('aria-rowindex'), kind: tr.className, cells: [...tr.cells].map(box) })));
          }
          window.scrollTo({ top: 0, behavior: 'instant' });
          return JSON.stringify(out);
        }
        """;

    /// <summary>Reads the annex on <paramref name="page"/>, drawing every block on the way.</summary>
    public static async Task<Table> ReadAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        using var json = JsonDocument.Parse(await page.EvaluateAsync<string>(ReadScript));
        var root = json.RootElement;
        static Cell CellOf(JsonElement c) => new(
            c.GetProperty("text").GetString()!, c.GetProperty("x").GetDouble(), c.GetProperty("width").GetDouble(),
            c.GetProperty("top").GetDouble(), c.GetProperty("bottom").GetDouble());
        return new Table(
            [.. root.GetProperty("header").EnumerateArray().Select(CellOf)],
            int.Parse(root.GetProperty("rowCount").GetString()!, CultureInfo.InvariantCulture),
            [.. root.GetProperty("blocks").EnumerateArray().Select(b => (IReadOnlyList<Line>)[.. b.EnumerateArray().Select(l => new Line(
                int.Parse(l.GetProperty("rowIndex").GetString()!, CultureInfo.InvariantCulture),
                l.GetProperty("kind").GetString() ?? string.Empty,
                [.. l.GetProperty("cells").EnumerateArray().Select(CellOf)]))])]);
    }

    /// <summary>
    /// Asserts that the blocks look like one table: every cell of every line starts and ends where its column's
    /// header cell does (to half a pixel), and each line starts where the one above it ends — across blocks too,
    /// so no gap, no overlap and no doubled border between two blocks.
    /// </summary>
    public static void AssertLinesUpAsOneTable(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        const double Tolerance = 0.5;
        Line? above = null;
        foreach (var line in table.Lines)
        {
            Assert.Equal(table.Header.Count, line.Cells.Count);
            for (var c = 0; c < line.Cells.Count; c++)
            {
                var (cell, header) = (line.Cells[c], table.Header[c]);
                Assert.True(Math.Abs(cell.X - header.X) <= Tolerance && Math.Abs(cell.Width - header.Width) <= Tolerance,
                    $"Row {line.RowIndex} ({line.Cells[1].Text}), column {c + 1}: x {cell.X:0.0} width {cell.Width:0.0}, header x {header.X:0.0} width {header.Width:0.0}");
            }

            var expectedTop = above?.Bottom ?? table.Header[0].Bottom;
            Assert.True(Math.Abs(line.Top - expectedTop) <= Tolerance,
                $"Row {line.RowIndex} ({line.Cells[1].Text}) starts at {line.Top:0.0}, the row above ends at {expectedTop:0.0}");
            above = line;
        }
    }

    /// <summary>
    /// Asserts every line is there once, in order: <paramref name="expectedLines"/> lines, ARIA row indexes 2… after
    /// the header's 1 and the table's row count matching, every line but the total numbered 1, 2, 3… in order with
    /// names all different, and the total line last.
    /// </summary>
    public static void AssertEveryLineOnceInOrder(Table table, int expectedLines)
    {
        ArgumentNullException.ThrowIfNull(table);
        var lines = table.Lines;
        Assert.Equal(expectedLines, lines.Count);
        Assert.Equal(lines.Count + 1, table.RowCount);
        Assert.Equal(Enumerable.Range(2, lines.Count), lines.Select(l => l.RowIndex));
        var numbered = lines.Take(lines.Count - 1).ToArray();
        Assert.Equal(
            Enumerable.Range(1, numbered.Length).Select(n => n.ToString(CultureInfo.InvariantCulture)),
            numbered.Select(l => l.Cells[0].Text));
        Assert.Equal(numbered.Length, numbered.Select(l => l.Cells[1].Text).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("total", lines[^1].Kind);
        Assert.Single(lines, l => l.Kind == "total");
    }
}
