using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Pages.Annex;
using BluezoneTracker.Web.Tests.Reports;

namespace BluezoneTracker.Web.Tests.Pages.Annex;

/// <summary>The on-screen annex's blocks (decision 120): every line once, in order; the hidden sizing rows hold each column's widest texts.</summary>
public sealed class AnnexScreenBlocksTests
{
    private static AnnexLine Area(int number, string name, long registrations) =>
        new(AnnexLineKind.Area, number, number.ToString("000", System.Globalization.CultureInfo.InvariantCulture), name, 100_000 + number, registrations, number % 7, 0.2m, AnnexDocument.RowRateDecimals);

    private static List<AnnexLine> Lines(int areas)
    {
        var lines = Enumerable.Range(1, areas).Select(i => Area(i, $"Huyện {i}", 1_000 + i)).ToList();
        lines.Add(new AnnexLine(AnnexLineKind.Total, null, null, "TOÀN QUỐC", 123_456_789, 98_765_432, 1_234, 0.8m, AnnexDocument.TotalRateDecimals));
        return lines;
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(13, 1)]
    [InlineData(99, 1)]
    [InlineData(100, 2)]
    [InlineData(702, 14)]
    public void Blocks_hold_every_line_once_in_order_and_all_but_the_first_hold_fifty(int lines, int blocks)
    {
        var all = Lines(lines).Take(lines).ToList();

        var split = AnnexScreenBlocks.Split(all);

        Assert.Equal(blocks, split.Count);
        Assert.Equal(all, split.SelectMany(b => b));
        Assert.All(split.Skip(1), b => Assert.Equal(AnnexScreenBlocks.LinesPerBlock, b.Count));
    }

    [Fact]
    public void A_short_annex_is_one_block_without_sizing_rows()
    {
        var seed = AnnexSamples.SonLaDocument();

        Assert.Single(AnnexScreenBlocks.Split(seed.Lines));
        Assert.Empty(AnnexScreenBlocks.SizingRows(seed));
    }

    [Fact]
    public void Sizing_rows_are_the_total_and_one_row_holding_the_longest_texts_of_every_column_one_per_line()
    {
        var lines = Lines(300);
        lines[122] = Area(123, "Thành phố Buôn Ma Thuột", 7_654_321);
        lines[200] = Area(201, "Huyện Krông", 5) with { MissingText = "chưa có số liệu ngày 18/8/2020", Registrations = null };
        var document = AnnexSamples.SonLaDocument() with { Lines = lines };

        var rows = AnnexScreenBlocks.SizingRows(document);

        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].IsTotal);
        Assert.Equal(AnnexColumn.TextsOf(lines[^1]), rows[0].Cells);
        Assert.False(rows[1].IsTotal);
        Assert.Equal(document.Columns.Count, rows[1].Cells.Count);
        var texts = rows[1].Cells.Select(cell => cell.Split('\n')).ToArray();
        foreach (var (column, c) in document.Columns.Select((column, c) => (column, c)))
        {
            var longest = lines.Where(l => l.Kind != AnnexLineKind.Total).Max(l => column.Text(l).Length);
            Assert.Contains(texts[c], t => t.Length == longest);
            Assert.All(texts[c], t => Assert.NotEmpty(t));
            Assert.Equal(texts[c].Length, texts[c].Distinct(StringComparer.Ordinal).Count());
            Assert.All(texts[c], t => Assert.Contains(lines, l => l.Kind != AnnexLineKind.Total && column.Text(l) == t));
        }

        Assert.Contains("Thành phố Buôn Ma Thuột", texts[1]);
        Assert.Contains("chưa có số liệu ngày 18/8/2020", texts[3]);
    }
}
