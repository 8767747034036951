using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Pages.Shared;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Pages.Shared;

/// <summary>
/// <c>&lt;shown-when-opened&gt;</c> (decision 151): the tables of the dashboard's closed <c>details</c> are sent as the
/// text of a <c>noscript</c>, so a browser running script builds none of their elements at load, while a browser
/// without script (AngleSharp's default, like the tests' other pages) builds exactly the tables it built before.
/// If site.js did not run, each closed table has a link to the same page with <c>?tables=html</c>, which sends the
/// tables as markup (decision 172).
/// </summary>
public sealed class ShownWhenOpenedTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    /// <summary>The tables the dashboard sends inside closed details.</summary>
    public static TheoryData<string> ClosedTables =>
        ["reporting-table", "pacing-table", "table-rate", "table-progress", "table-cumulative", "table-daily", "history-table"];

    private static Task<AngleSharp.Html.Dom.IHtmlDocument> ParseAsync(string html, bool scripting) =>
        new HtmlParser(new HtmlParserOptions { IsScripting = scripting }).ParseDocumentAsync(html);

    private static List<string> Cells(IElement table) =>
        [.. table.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim())];

    [Fact]
    public void Content_is_wrapped_in_a_noscript_the_script_finds()
    {
        Assert.Equal("<noscript class=\"when-opened\"><table><tr><td>1</td></tr></table></noscript>",
            ShownWhenOpenedTagHelper.Deferred("<table><tr><td>1</td></tr></table>"));
    }

    [Fact]
    public void Content_holding_a_noscript_end_tag_is_written_as_it_is()
    {
        const string html = "<p>a</p><noscript><p>b</p></NOSCRIPT>";
        Assert.Equal(html, ShownWhenOpenedTagHelper.Deferred(html));
    }

    [Theory]
    [MemberData(nameof(ClosedTables))]
    public async Task A_closed_table_is_text_to_a_scripted_browser_and_the_same_table_without_script(string table)
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var html = await (await client.GetAsync(new Uri("/", UriKind.Relative))).Content.ReadAsStringAsync();

        var withoutScript = await ParseAsync(html, scripting: false);
        var withScript = await ParseAsync(html, scripting: true);

        var built = withoutScript.QuerySelector($"[data-testid={table}]");
        Assert.NotNull(built);
        Assert.True(built.QuerySelectorAll("tr").Length >= 2, $"{table} has no rows");
        // Where it sits: in a noscript.when-opened directly inside a details that is sent closed.
        var wrapper = built.Closest("noscript")!;
        Assert.Equal(ShownWhenOpenedTagHelper.NoscriptClass, wrapper.ClassName);
        Assert.Equal("DETAILS", wrapper.ParentElement!.TagName);
        Assert.False(wrapper.ParentElement.HasAttribute("open"));

        // A browser running script builds none of it; the noscript's text is the same table, cell for cell.
        Assert.Null(withScript.QuerySelector($"[data-testid={table}]"));
        var text = withScript.QuerySelectorAll("details > noscript.when-opened")
            .Select(n => n.TextContent).Single(t => t.Contains($"data-testid=\"{table}\"", StringComparison.Ordinal));
        var drawn = (await ParseAsync("<body>" + text + "</body>", scripting: true)).QuerySelector($"[data-testid={table}]");
        Assert.NotNull(drawn);
        Assert.Equal(Cells(built), Cells(drawn));
    }

    [Theory]
    [MemberData(nameof(ClosedTables))]
    public async Task After_each_closed_table_a_link_leads_to_the_page_that_sends_it_as_markup_and_opens_it(string table)
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        const string url = "/?date=2020-08-17&compare=2020-08-12";
        var withScript = await ParseAsync(await (await client.GetAsync(new Uri(url, UriKind.Relative))).Content.ReadAsStringAsync(), scripting: true);

        // Directly after the table's noscript (the CSS shows it only there, in an opened details).
        var noscript = withScript.QuerySelectorAll("details > noscript.when-opened").Single(n => n.TextContent.Contains($"data-testid=\"{table}\"", StringComparison.Ordinal));
        var fallback = noscript.NextElementSibling!;
        Assert.Equal(ShownWhenOpenedTagHelper.FallbackClass, fallback.ClassName);
        Assert.Equal("Bảng không hiện? Mở trang có sẵn bảng", fallback.TextContent);
        var href = fallback.QuerySelector("a")!.GetAttribute("href")!;
        Assert.StartsWith("/?date=2020-08-17&compare=2020-08-12&tables=html#tables-", href, StringComparison.Ordinal);

        // That page, read by a browser running script: the table is built, inside its closed details, after the anchor.
        var markup = await ParseAsync(await (await client.GetAsync(new Uri(href, UriKind.Relative))).Content.ReadAsStringAsync(), scripting: true);
        Assert.Empty(markup.QuerySelectorAll("noscript.when-opened"));
        Assert.Empty(markup.QuerySelectorAll("." + ShownWhenOpenedTagHelper.FallbackClass));
        var built = markup.QuerySelector($"[data-testid={table}]");
        Assert.NotNull(built);
        var details = built.Closest("details")!;
        Assert.False(details.HasAttribute("open"));
        Assert.Equal(details, markup.GetElementById(href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..])!.Closest("details"));
        var sent = (await ParseAsync("<body>" + noscript.TextContent + "</body>", scripting: true)).QuerySelector($"[data-testid={table}]")!;
        Assert.Equal(Cells(sent), Cells(built));
    }

    [Fact]
    public async Task The_kept_dashboard_is_not_shared_between_the_page_and_its_tables_as_markup()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        async Task<int> NoscriptsAsync(string url) =>
            (await ParseAsync(await (await client.GetAsync(new Uri(url, UriKind.Relative))).Content.ReadAsStringAsync(), scripting: true))
            .QuerySelectorAll("noscript.when-opened").Length;

        Assert.Equal(7, await NoscriptsAsync("/"));
        Assert.Equal(0, await NoscriptsAsync("/?tables=html"));
        Assert.Equal(7, await NoscriptsAsync("/"));
    }

    [Fact]
    public async Task An_areas_own_history_sent_open_is_written_as_it_is()
    {
        // A district without child areas: its history is the page's main content, its table open (asMain).
        var client = await factory.ClientForAsync(Roles.Viewer);
        var html = await (await client.GetAsync(new Uri("/areas/116/", UriKind.Relative))).Content.ReadAsStringAsync();

        var withScript = await ParseAsync(html, scripting: true);
        var history = withScript.QuerySelector("[data-testid=history-table]");
        Assert.NotNull(history);
        Assert.True(history.Closest("details")!.HasAttribute("open"));
        Assert.Null(history.Closest("noscript"));
    }
}
