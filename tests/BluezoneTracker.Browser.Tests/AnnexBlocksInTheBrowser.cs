using BluezoneTracker.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BluezoneTracker.Browser.Tests;

/// <summary>
/// The annex of a country of 700 districts on screen: cut into blocks that the browser draws only when the user
/// scrolls near them, yet one table — every line once and in order, every column at the same place in every
/// block, at a phone's and a desk's width — and one table on paper (decision 120).
/// </summary>
[Collection(ScaleBrowserCollection.Name)]
public sealed class AnnexBlocksInTheBrowser(ScaleBrowserFixture app)
{
    /// <summary>700 districts, the line of registrations without a district, and the total.</summary>
    private const int Lines = ScaleBrowserFixture.Districts + 2;

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Annex_of_700_districts_is_every_line_once_in_order_in_blocks_that_line_up_as_one_table(int width)
    {
        var page = await app.NewPageAsync(width, 800);
        var watch = new PageWatch(page, app.BaseAddress);
        await page.GotoAsync("/annex", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        // The far blocks are not drawn before the user comes near them: that is the point of the blocks. Asked after
        // a rendering update: before the first one, Chromium has not yet decided and calls every block drawn.
        await page.WaitForRenderingAsync();
        Assert.False(await page.EvaluateAsync<bool>(
            "() => document.querySelector('[data-testid=annex-table] > .annex-block:last-child tbody td').checkVisibility({ contentVisibilityAuto: true })"));

        var table = await AnnexGeometry.ReadAsync(page);
        Assert.True(table.Blocks.Count >= 10, $"{table.Blocks.Count} blocks");
        AnnexGeometry.AssertEveryLineOnceInOrder(table, Lines);
        AnnexGeometry.AssertLinesUpAsOneTable(table);
        Assert.Empty(watch.Problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Annex_of_700_districts_has_no_serious_or_critical_accessibility_violations()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/annex", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Annex_of_700_districts_prints_every_line_in_order_with_the_header_on_every_page()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/annex", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var names = await page.Locator("[data-testid=annex-table] tbody tr td:nth-child(2)").AllTextContentsAsync();
        var header = (await page.Locator("[data-testid=annex-table] thead th:nth-child(3)").TextContentAsync())!.Trim();

        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        var path = Path.Combine(BrowserFixture.ArtifactsFolder, "annex-700-printed.pdf");
        await File.WriteAllBytesAsync(path, pdf);

        var pages = (await AnnexInTheBrowser.PdfTextAsync(path)).Split('\f', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        Assert.True(pages.Length > 10, $"{pages.Length} pages");
        var tablePages = pages.TakeWhile(p => !p.Contains(names[^1].Trim(), StringComparison.Ordinal)).Append(pages.First(p => p.Contains(names[^1].Trim(), StringComparison.Ordinal)));
        Assert.All(tablePages, text => Assert.Contains(header, text, StringComparison.Ordinal));
        var all = string.Join(' ', pages);
        var at = 0;
        foreach (var name in names.Select(n => n.Trim()))
        {
            var found = all.IndexOf(name + " ", at, StringComparison.Ordinal);
            Assert.True(found >= at, $"'{name}' is not printed after the line before it");
            at = found + name.Length;
        }

        await page.Context.CloseAsync();
    }
}
