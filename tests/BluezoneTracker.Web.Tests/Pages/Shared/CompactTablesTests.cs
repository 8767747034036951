using AngleSharp;
using AngleSharp.Dom;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Pages.Shared;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Pages.Shared;

/// <summary>
/// <c>&lt;compact-tables&gt;</c> (decisions 150 and 171, the one way pages cut their tables' whitespace): the
/// whitespace Razor writes between a table's rows and cells is gone — no text node left directly inside a table part —
/// while every text, in cells and outside tables, is as it was. Used by the dashboard and the annex page.
/// </summary>
public sealed class CompactTablesTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private const string Indented = """
        <section>
            <h2>Xếp hạng</h2> <span>a</span> <span>b</span>
            <table class="ranking">
                <caption class="visually-hidden">Tiến độ</caption>
                <colgroup>
                    <col class="w" />
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col">Hạng</th>
                        <th scope="col" class="text-end">Tỷ lệ</th>
                    </tr>
                </thead>
                <tbody>
                        <tr data-code="228" class="">
                            <td>1</td>
                            <th scope="row" class="fw-normal"> <a href="/areas/228/">Huyện &lt;228&gt;</a> </th>
                            <td class="text-end">69.654 <br /><span class="text-secondary">0,07 %</span> </td>
                        </tr>
                        <tr><td><pre>  giữ   nguyên  </pre></td></tr>
                </tbody>
                <tfoot>
                    <tr><td>Tổng</td></tr>
                </tfoot>
            </table>
            <p>x <b>y</b> z</p>
        </section>
        """;

    private static async Task<IDocument> ParseAsync(string html) =>
        await BrowsingContext.New(Configuration.Default).OpenAsync(req => req.Content("<body>" + html + "</body>"));

    private static int BlankNodesInTableParts(IDocument page) =>
        page.QuerySelectorAll("table, thead, tbody, tfoot, tr, colgroup")
            .Sum(part => part.ChildNodes.Count(n => n.NodeType == NodeType.Text && string.IsNullOrWhiteSpace(n.TextContent)));

    [Fact]
    public async Task Whitespace_between_table_parts_goes_and_every_text_stays()
    {
        var before = await ParseAsync(Indented);
        var after = await ParseAsync(CompactTablesTagHelper.Compact(Indented));

        Assert.True(BlankNodesInTableParts(before) > 10, "the sample must have whitespace between its table parts");
        Assert.Equal(0, BlankNodesInTableParts(after));
        // Every cell's exact text (its own spaces included), and the text outside the table.
        Assert.Equal(before.QuerySelectorAll("caption, th, td").Select(c => c.TextContent), after.QuerySelectorAll("caption, th, td").Select(c => c.TextContent));
        Assert.Equal(" <a href=\"/areas/228/\">Huyện &lt;228&gt;</a> ", after.QuerySelector("tbody th")!.InnerHtml);
        Assert.Equal("  giữ   nguyên  ", after.QuerySelector("pre")!.TextContent);
        // Outside the table, byte for byte: the spaces between inline elements draw.
        var compacted = CompactTablesTagHelper.Compact(Indented);
        Assert.Equal(Indented[..Indented.IndexOf("<table", StringComparison.Ordinal)], compacted[..compacted.IndexOf("<table", StringComparison.Ordinal)]);
        Assert.Equal(Indented[Indented.IndexOf("</table>", StringComparison.Ordinal)..], compacted[compacted.IndexOf("</table>", StringComparison.Ordinal)..]);
        Assert.Equal("x y z", after.QuerySelector("p")!.TextContent);
        Assert.Equal(before.QuerySelectorAll("*").Select(e => e.TagName), after.QuerySelectorAll("*").Select(e => e.TagName));
    }

    [Fact]
    public void Markup_without_tables_is_copied_unchanged()
    {
        const string html = "<div>\n  <ul>\n    <li>a</li>\n    <li>b</li>\n  </ul>\n  <td-like> x </td-like>\n  <thing>\n  <tr-x>\n  <td-y>\n</div>";
        Assert.Equal(html, CompactTablesTagHelper.Compact(html));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?date=2020-08-17&compare=2020-08-12")]
    public async Task The_dashboard_has_no_whitespace_between_its_table_parts(string url)
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(url, UriKind.Relative)));
        Assert.True(page.QuerySelectorAll("main table").Length >= 2);
        Assert.Equal(0, page.QuerySelectorAll("main table, main thead, main tbody, main tfoot, main tr")
            .Sum(part => part.ChildNodes.Count(n => n.NodeType == NodeType.Text && string.IsNullOrWhiteSpace(n.TextContent))));
        Assert.Equal(12, page.QuerySelectorAll("[data-testid=ranking] tbody tr[data-code]").Length);
    }

    [Theory]
    [InlineData("/annex")]
    [InlineData("/annex?date=2020-08-17&compare=2020-08-12")]
    public async Task The_annex_page_has_no_whitespace_around_its_rows_cells_and_blocks(string url)
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(url, UriKind.Relative)));
        var table = page.QuerySelector("[data-testid=annex-table]")!;
        Assert.Equal(0, table.Descendants<IText>().Count(t => string.IsNullOrWhiteSpace(t.Data)));
        Assert.Equal(14, table.QuerySelectorAll("tbody tr").Length);
    }
}
