using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BluezoneTracker.Browser.Tests.Infrastructure;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BluezoneTracker.Browser.Tests;

/// <summary>The dashboard as an official sees it in Chromium: charts drawn from the server's figures.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardInTheBrowser(BrowserFixture app)
{
    // The charts are drawn when they come near the screen (wwwroot/js/lazy-charts.js): scrolled to, then read.
    private const string ReadCharts = """
        async () => {
          document.querySelector('.charts').scrollIntoView();
          const ids = ['chart-rate', 'chart-cumulative', 'chart-daily', 'chart-progress'];
          for (let i = 0; i < 400 && !(window.Chart && ids.every(id => Chart.getChart(id))); i++) { await new Promise(r => setTimeout(r, 25)); }
          return Object.fromEntries(['chart-rate', 'chart-cumulative', 'chart-daily', 'chart-progress'].map(id => {
            const chart = Chart.getChart(id);
            return [id, {
                labels: (chart.data.labels || []).map(String),
                datasets: chart.data.datasets.map(d => d.data.map(p => p !== null && typeof p === 'object' ? p.y : p)),
                xs: chart.data.datasets.map(d => d.data.map(p => p !== null && typeof p === 'object' ? p.x : null)),
                pixels: chart.getDatasetMeta(0).data.map(e => e.x),
                scales: Object.keys(chart.scales),
                lines: ((chart.options.plugins.referenceLines || {}).lines || []).map(l => l.value),
                drawn: chart.getDatasetMeta(0).data.length,
            }];
        }));
        }
        """;

    [Fact]
    public async Task Dashboard_loads_with_no_errors_no_failed_requests_nothing_from_another_origin_and_under_400_KB()
    {
        var page = await app.NewPageAsync();
        var watch = new PageWatch(page, app.BaseAddress);

        var response = await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal(200, response!.Status);
        Assert.Equal("84.126", await page.TextContentAsync("[data-testid=total-registrations]"));
        Assert.Empty(watch.Problems);
        Assert.Empty(watch.ForeignRequests);
        // Chart.js comes when the charts are scrolled to.
        await page.Locator(".charts").ScrollIntoViewIfNeededAsync();
        // Polled in the page, not WaitForLoadStateAsync(NetworkIdle): that returns at once when the first load's
        // "networkidle" has fired, and can lose the event otherwise (see PageNavigation).
        await page.WaitForFunctionAsync(
            "() => performance.getEntriesByType('resource').some(e => e.name.includes('/lib/chart.js/dist/chart.umd.min.js') && e.responseEnd > 0)",
            null,
            new PageWaitForFunctionOptions { PollingInterval = 50, Timeout = PageNavigation.StepTimeoutMilliseconds });
        Assert.Contains(watch.Requests, r => r.Url.Contains("/lib/chart.js/dist/chart.umd.min.js?v=", StringComparison.Ordinal));
        Assert.Empty(watch.Problems);
        // The size counts the chart script too: it is what the page needs once scrolled.
        Assert.Contains("/lib/chart.js/dist/chart.umd.min.js", await watch.LoadedResourcesAsync());
        var bytes = await watch.TransferredBytesAsync();
        Assert.True(bytes > 0 && bytes < 400 * 1024, $"The first load transferred {bytes} bytes.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Each_chart_draws_exactly_the_server_figures()
    {
        var server = await ServerFigures.ForAsync(app.Services);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");

        var charts = await page.EvaluateAsync<JsonElement>(ReadCharts);

        var annex = server.Figures.Annex;
        var rated = annex.Rows.Where(r => r.Rate is not null).ToList();
        var rate = charts.GetProperty("chart-rate");
        Assert.Equal(rated.Select(r => r.Name), Strings(rate, "labels"));
        Assert.Equal(rated.Select(r => Round(r.Rate!.Value * 100m, 2)), Numbers(rate.GetProperty("datasets")[0]));
        Assert.Equal([50d, Round(annex.Total.Rate!.Value * 100m, 2)], Numbers(rate.GetProperty("lines")));
        Assert.Equal(12, rate.GetProperty("drawn").GetInt32());

        // Rates on one axis against days: the province's line is its rate on each date.
        var cumulative = charts.GetProperty("chart-cumulative");
        var population = annex.Total.Population!.Value;
        Assert.Equal(server.Totals.Select(p => Round(p.Registrations / (decimal)population * 100m, 2)), Numbers(cumulative.GetProperty("datasets")[0]));
        Assert.Equal(6.74d, Numbers(cumulative.GetProperty("datasets")[0])[^1]);
        var first = server.Totals[0].Date.DayNumber;
        Assert.Equal(server.Totals.Select(p => (double)(p.Date.DayNumber - first)), Numbers(cumulative.GetProperty("xs")[0]));
        Assert.Equal(["x", "y"], Strings(cumulative, "scales").Order(StringComparer.Ordinal));

        // Time is drawn to scale: 2→5 August (3 days) is three times as wide as 14→15 August (1 day).
        var pixels = Numbers(cumulative.GetProperty("pixels"));
        var dates = server.Totals.Select(p => p.Date).ToList();
        double Gap(int day1, int day2) => pixels[dates.IndexOf(new DateOnly(2020, 8, day2))] - pixels[dates.IndexOf(new DateOnly(2020, 8, day1))];
        Assert.Equal(3 * Gap(14, 15), Gap(2, 5), 0);

        var daily = charts.GetProperty("chart-daily");
        var expectedDaily = RegistrationSeries.NewPerDay(server.Totals);
        Assert.Equal(expectedDaily.Select(d => Round(d.PerDay, 1)), Numbers(daily.GetProperty("datasets")[0]));
        Assert.Equal(TimeSeriesSeed.ExtraDates.Length + 1, expectedDaily.Count);

        var progress = charts.GetProperty("chart-progress");
        var paced = server.Pacing.Children.OrderByDescending(c => c.Progress.Progress).ToList();
        Assert.Equal(paced.Select(c => Round(c.Progress.Progress!.Value * 100m, 1)), Numbers(progress.GetProperty("datasets")[0]));
        Assert.All(Strings(progress, "labels").Zip(paced), pair => Assert.StartsWith(pair.Second.Name, pair.First, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Choosing_another_date_and_a_comparison_preset_changes_the_figures_and_the_url()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");

        await page.SelectOptionAsync("#date", "2020-08-15");
        await page.WaitForDocumentWithAsync("date=2020-08-15");

        var on15 = await ServerFigures.ForAsync(app.Services, "2020-08-15");
        Assert.Equal(VietnameseFormat.Count(on15.Figures.Annex.Total.Registrations), await page.TextContentAsync("[data-testid=total-registrations]"));
        Assert.NotEqual("84.126", await page.TextContentAsync("[data-testid=total-registrations]"));
        var charts = await page.EvaluateAsync<JsonElement>(ReadCharts);
        // The time axis ends on 15/8: 13 days after the first count (2/8).
        Assert.Equal(13d, Numbers(charts.GetProperty("chart-cumulative").GetProperty("xs")[0])[^1]);

        await page.SelectOptionAsync("#compare", "7d");
        await page.WaitForDocumentWithAsync("compare=7d");

        // 7 days before 15/8 is 8/8, which has counts.
        Assert.Contains("so với ngày 8/8/2020", await page.TextContentAsync("[data-testid=as-of]"), StringComparison.Ordinal);
        var week = await ServerFigures.ForAsync(app.Services, "2020-08-15", "2020-08-08");
        Assert.Equal(VietnameseFormat.Change(week.Figures.Annex.Total.Change!.Value), await page.TextContentAsync("[data-testid=total-change]"));

        // The link carries the view: opening it again shows the same figures.
        var shared = await app.NewPageAsync();
        await shared.GotoAsync(page.Url);
        Assert.Equal(await page.TextContentAsync("[data-testid=total-change]"), await shared.TextContentAsync("[data-testid=total-change]"));
        await page.Context.CloseAsync();
        await shared.Context.CloseAsync();
    }

    [Fact]
    public async Task A_closed_table_is_built_when_opened_with_the_cells_the_server_sent()
    {
        var page = await app.NewPageAsync(360, 800);
        await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        // At load: no table element inside a closed details; the tables are the text of noscript.when-opened (decision 151).
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('details:not([open]) table').length"));
        Assert.Equal(7, await page.Locator("details > noscript.when-opened").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=table-cumulative]").CountAsync());
        // What the server sent for the cumulative table, read as a browser without script reads it.
        var sent = await page.EvaluateAsync<string[]>("""
            () => {
              const text = [...document.querySelectorAll('details > noscript.when-opened')].map(n => n.textContent)
                .find(t => t.includes('data-testid="table-cumulative"'));
              const parsed = new DOMParser().parseFromString(text, 'text/html');
              return [...parsed.querySelectorAll('[data-testid=table-cumulative] th, [data-testid=table-cumulative] td')].map(c => c.textContent.trim());
            }
            """);

        await page.Locator("section[aria-labelledby=chart-cumulative-heading] details.small > summary").ClickAsync();
        var table = page.Locator("[data-testid=table-cumulative]");
        await table.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });

        var drawn = await table.EvaluateAsync<string[]>("t => [...t.querySelectorAll('th, td')].map(c => c.textContent.trim())");
        Assert.True(sent.Length > 6, $"the cumulative table sent {sent.Length} cells");
        Assert.Equal(sent, drawn);
        Assert.True((await table.BoundingBoxAsync())!.Height > 50);
        // Only the opened one is built; the others stay text until opened.
        Assert.Equal(6, await page.Locator("details > noscript.when-opened").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_closed_table_stays_readable_when_site_js_never_arrives()
    {
        var page = await app.NewPageAsync(360, 800);
        // The one file that builds the closed tables is lost on the way (decision 172).
        await page.RouteAsync(new Regex(@"/js/site\.js"), route => route.AbortAsync());
        await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var section = page.Locator("section[aria-labelledby=chart-cumulative-heading]");
        var sent = await section.Locator("details > noscript.when-opened").EvaluateAsync<string[]>("""
            n => [...new DOMParser().parseFromString(n.textContent, 'text/html').querySelectorAll('[data-testid=table-cumulative] th, [data-testid=table-cumulative] td')]
              .map(c => c.textContent.trim())
            """);
        var fallbacks = page.Locator(".when-opened-fallback");
        Assert.Equal(7, await fallbacks.CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.when-opened-fallback')].filter(e => e.checkVisibility()).length"));

        // Opened, nothing builds the table: the reader is offered the page that sends it built, and only here.
        await section.Locator("details.small > summary").ClickAsync();
        var link = section.Locator(".when-opened-fallback a");
        await link.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Equal(0, await page.Locator("[data-testid=table-cumulative]").CountAsync());
        Assert.Equal(1, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.when-opened-fallback')].filter(e => e.checkVisibility()).length"));

        await link.ClickAsync();
        await page.WaitForDocumentAsync(new Regex(@"\?tables=html#tables-cumulative$"));

        // Still without site.js: the fragment opened the details, whose table is there with the cells the server sent.
        var table = page.Locator("[data-testid=table-cumulative]");
        await table.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var read = await table.EvaluateAsync<string[]>("t => [...t.querySelectorAll('th, td')].map(c => c.textContent.trim())");
        Assert.True(sent.Length > 6, $"the cumulative table sent {sent.Length} cells");
        Assert.Equal(sent, read);
        Assert.True((await table.BoundingBoxAsync())!.Height > 50);
        Assert.Equal(0, await page.Locator("noscript.when-opened, .when-opened-fallback").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task With_site_js_the_links_for_a_missing_script_are_gone()
    {
        var page = await app.NewPageAsync(360, 800);
        await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.when-opened-fallback').length === 0", null,
            new PageWaitForFunctionOptions { Timeout = PageNavigation.StepTimeoutMilliseconds });
        Assert.Equal(7, await page.Locator("details > noscript.when-opened").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_has_no_serious_or_critical_accessibility_violations()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task Dashboard_fits_the_screen_and_a_screenshot_is_kept(int width)
    {
        var page = await app.NewPageAsync(width, 900);
        await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        var path = Path.Combine(BrowserFixture.ArtifactsFolder, string.Create(CultureInfo.InvariantCulture, $"dashboard-{width}.png"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        // What fits on one screen, small enough for the README (docs/images/dashboard.png is a copy).
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(path, ".screen.png") });

        Assert.True(overflow <= 0, $"The page is {overflow} px wider than a {width} px screen.");
        Assert.True(new FileInfo(path).Length > 10_000);
        await page.Context.CloseAsync();
    }

    private static double Round(decimal value, int decimals) => (double)VietnameseFormat.Round(value, decimals);

    private static List<string> Strings(JsonElement chart, string name) =>
        [.. chart.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];

    private static List<double> Numbers(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.GetDouble())];
}
