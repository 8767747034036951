using System.Globalization;
using AngleSharp;
using AngleSharp.Dom;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Pages.Annex;
using BluezoneTracker.Web.Pages.Shared;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Reports;

namespace BluezoneTracker.Web.Tests.Pages.Annex;

/// <summary>
/// The on-screen annex's markup (decisions 120, 131 and 171), <c>Pages/Annex/_AnnexTable.cshtml</c> written through
/// <c>&lt;compact-tables&gt;</c> as the page writes it: every line once, in order, with its cells' texts; one ARIA
/// table; the few elements a line needs and no whitespace nodes between them; two hidden sizing rows and the header
/// copy per block of a long annex.
/// </summary>
public sealed class AnnexTableTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private static AnnexLine Area(int number, string name, long registrations) =>
        new(AnnexLineKind.Area, number, number.ToString("000", CultureInfo.InvariantCulture), name, 100_000 + number, registrations, (number % 7) - 3, 0.2m, AnnexDocument.RowRateDecimals);

    private static AnnexDocument Document(int areas)
    {
        var lines = Enumerable.Range(1, areas).Select(i => Area(i, $"Huyện Thử Nghiệm {i} <&>", 1_000 + i)).ToList();
        lines.Add(new AnnexLine(AnnexLineKind.Unassigned, areas + 1, null, "Số thuê bao chưa xác định được huyện", null, 27, 12, null, AnnexDocument.RowRateDecimals));
        lines.Add(new AnnexLine(AnnexLineKind.Total, null, null, "TOÀN QUỐC", 123_456_789, 98_765_432, 1_234, 0.8m, AnnexDocument.TotalRateDecimals));
        return AnnexSamples.SonLaDocument() with { Lines = lines };
    }

    private async Task<IElement> RenderAsync(AnnexDocument document)
    {
        var html = CompactTablesTagHelper.Compact(await PartialView.RenderAsync(factory.Services, "/Pages/Annex/_AnnexTable.cshtml", document));
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(req => req.Content("<body>" + html + "</body>"));
        return page.QuerySelector("[data-testid=annex-table]")!;
    }

    [Theory]
    [InlineData(12)]
    [InlineData(300)]
    [InlineData(700)]
    public async Task Every_line_is_there_once_in_order_with_its_texts_in_one_ARIA_table(int areas)
    {
        var document = Document(areas);

        var table = await RenderAsync(document);

        Assert.Equal("table", table.GetAttribute("role"));
        Assert.Equal("annex-title", table.GetAttribute("aria-labelledby"));
        Assert.Equal((document.Lines.Count + 1).ToString(CultureInfo.InvariantCulture), table.GetAttribute("aria-rowcount"));
        Assert.Equal(AnnexScreenBlocks.Split(document.Lines).Count, table.Children.Length);
        Assert.All(table.Children, block => Assert.Equal("none", block.QuerySelector(":scope > table")!.GetAttribute("role")));
        Assert.Equal(document.Columns.Select(c => c.Header), table.QuerySelectorAll("thead th[role=columnheader]").Select(th => th.TextContent));
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(document.Lines.Select(AnnexColumn.TextsOf), rows.Select(r => r.Children.Select(c => c.TextContent).ToArray()));
        Assert.Equal(Enumerable.Range(2, document.Lines.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r.GetAttribute("aria-rowindex")));
        Assert.All(rows, r => Assert.Equal("row", r.GetAttribute("role")));
        Assert.All(rows.SelectMany(r => r.Children), c => Assert.Equal("cell", c.GetAttribute("role")));
        Assert.Equal(
            document.Lines.Select(l => l.Kind switch { AnnexLineKind.Total => "total", AnnexLineKind.Unassigned => "unassigned", _ => null }),
            rows.Select(r => r.GetAttribute("class")));
        Assert.Equal(areas, table.QuerySelectorAll("tbody a.area-link").Length);
        Assert.Equal("/areas/001/", table.QuerySelector("tbody a.area-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_line_is_a_row_of_one_cell_per_column_and_a_link_with_nothing_between_the_tags()
    {
        var document = Document(700);

        var table = await RenderAsync(document);

        foreach (var row in table.QuerySelectorAll("tbody tr"))
        {
            Assert.Equal(document.Columns.Count, row.ChildNodes.Length);
            Assert.All(row.Children, c => Assert.Equal("TD", c.TagName));
            Assert.True(row.QuerySelectorAll("*").Length <= document.Columns.Count + 1, row.OuterHtml);
        }

        var whitespace = table.Descendants<IText>().Where(t => string.IsNullOrWhiteSpace(t.Data)).ToArray();
        Assert.Empty(whitespace);
        Assert.Equal(new[] { "tt", null, "num", "num", "num negative", "num" }, table.QuerySelector("tbody tr")!.Children.Select(c => c.GetAttribute("class")));
        Assert.Equal(new[] { "tt", null, "num", "num", "num", "num" }, table.QuerySelectorAll("tbody tr")[3].Children.Select(c => c.GetAttribute("class")));
        Assert.Contains("num negative", table.QuerySelectorAll("tbody td").Select(c => c.ClassName));
    }

    [Fact]
    public async Task Every_block_of_a_long_annex_holds_the_header_copy_and_two_sizing_rows_of_the_widest_texts()
    {
        var document = Document(700);
        var sizing = AnnexScreenBlocks.SizingRows(document);

        var table = await RenderAsync(document);

        var blocks = table.Children;
        Assert.Equal(14, blocks.Length);
        foreach (var block in blocks)
        {
            var foot = block.QuerySelector("tfoot.annex-sizer")!;
            Assert.Equal("true", foot.GetAttribute("aria-hidden"));
            var rows = foot.QuerySelectorAll("tr");
            Assert.Equal(3, rows.Length);
            Assert.Equal(document.Columns.Select(c => c.Header), rows[0].Children.Select(th => th.TextContent));
            Assert.Equal("total", rows[1].ClassName);
            Assert.Equal("annex-sizer-texts", rows[2].ClassName);
            Assert.Equal(sizing.Select(r => r.Cells), rows.Skip(1).Select(r => r.Children.Select(c => c.TextContent).ToArray()));
        }

        Assert.Contains('\n', sizing[1].Cells[1]);
    }

    [Fact]
    public async Task A_short_annex_is_one_block_without_sizing_rows()
    {
        var table = await RenderAsync(AnnexSamples.SonLaDocument());

        Assert.Single(table.Children);
        Assert.Null(table.QuerySelector("tfoot"));
    }
}
