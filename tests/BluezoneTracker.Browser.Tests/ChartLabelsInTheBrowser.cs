using System.Globalization;
using System.Text.Json;
using BluezoneTracker.Browser.Tests.Infrastructure;

namespace BluezoneTracker.Browser.Tests;

/// <summary>
/// Issue #14 point 5: "the rate chart's labels never cover bars" — read back from Chart.js itself (the chart
/// instance in the page): every tick label's box and every reference-line label's box against every bar's
/// rectangle, and the area names against each other (overlapping names cannot be read either).
/// </summary>
internal static class ChartLabels
{
    /// <summary>
    /// The bars of a horizontal or vertical bar chart and the boxes of the labels Chart.js drew (ticks of every
    /// scale, rotation included) plus the reference lines' labels (recorded by the dashboard's plugin).
    /// </summary>
    private const string Read = """
        id => {
            const chart = Chart.getChart(id);
            const bars = chart.getDatasetMeta(0).data.map(e => {
                const p = e.getProps(['x', 'y', 'base', 'width', 'height'], true);
                return chart.options.indexAxis === 'y'
                    ? { left: Math.min(p.x, p.base), right: Math.max(p.x, p.base), top: p.y - p.height / 2, bottom: p.y + p.height / 2 }
                    : { left: p.x - p.width / 2, right: p.x + p.width / 2, top: Math.min(p.y, p.base), bottom: Math.max(p.y, p.base) };
            });
            const ctx = chart.ctx;
            const labels = [];
            for (const scale of Object.values(chart.scales)) {
                for (const item of scale.getLabelItems()) {
                    const lines = Array.isArray(item.label) ? item.label.map(String) : [String(item.label)];
                    ctx.save();
                    ctx.font = item.font.string;
                    const width = Math.max(...lines.map(l => ctx.measureText(l).width));
                    ctx.restore();
                    const height = item.font.lineHeight * lines.length;
                    const o = item.options;
                    const left = o.textAlign === 'right' || o.textAlign === 'end' ? -width : o.textAlign === 'center' ? -width / 2 : 0;
                    const top = (o.textBaseline === 'middle' ? -height / 2 : o.textBaseline === 'bottom' ? -height : 0) + (item.textOffset || 0);
                    const corners = [[left, top], [left + width, top], [left, top + height], [left + width, top + height]].map(([x, y]) => [
                        o.translation[0] + x * Math.cos(o.rotation) - y * Math.sin(o.rotation),
                        o.translation[1] + x * Math.sin(o.rotation) + y * Math.cos(o.rotation)]);
                    labels.push({
                        text: lines.join(' '), axis: scale.id,
                        left: Math.min(...corners.map(c => c[0])), right: Math.max(...corners.map(c => c[0])),
                        top: Math.min(...corners.map(c => c[1])), bottom: Math.max(...corners.map(c => c[1])),
                    });
                }
            }
            for (const box of chart.$referenceLabelBoxes || []) {
                labels.push({ text: 'reference line', axis: 'reference', left: box.left, right: box.right, top: box.top, bottom: box.bottom });
            }
            return { bars, labels, categories: chart.data.labels.length, index: chart.options.indexAxis || 'x' };
        }
        """;

    /// <summary>Asserts that no label box intersects a bar and that the category names do not overlap each other.</summary>
    /// <param name="referenceLines">Whether the chart draws labelled reference lines (the rate chart: target and whole-area rate).</param>
    public static async Task AssertNoLabelCoversABarAsync(Microsoft.Playwright.IPage page, string canvasId, int expectedBars, bool referenceLines)
    {
        var chart = await page.EvaluateAsync<JsonElement>(Read, canvasId);
        var bars = chart.GetProperty("bars").EnumerateArray().Select(Box.From).ToList();
        var labels = chart.GetProperty("labels").EnumerateArray().Select(l => (Text: l.GetProperty("text").GetString()!, Axis: l.GetProperty("axis").GetString()!, Box: Box.From(l))).ToList();
        Assert.Equal(expectedBars, bars.Count);
        Assert.Equal(referenceLines, labels.Any(l => l.Axis == "reference"));

        var covering = labels.SelectMany(l => bars.Where(b => l.Box.Overlaps(b)).Select(b => $"\"{l.Text}\" {l.Box} over bar {b}")).ToList();
        Assert.True(covering.Count == 0, $"{canvasId}: labels cover bars:\n" + string.Join('\n', covering.Take(10)));

        // The category axis: one name per bar, each readable, so none may overlap the next.
        var categoryAxis = chart.GetProperty("index").GetString();
        var names = labels.Where(l => l.Axis == categoryAxis).OrderBy(l => categoryAxis == "y" ? l.Box.Top : l.Box.Left).ToList();
        Assert.Equal(expectedBars, names.Count);
        var overlapping = names.Zip(names.Skip(1)).Where(p => p.First.Box.Overlaps(p.Second.Box)).Select(p => $"\"{p.First.Text}\" {p.First.Box} / \"{p.Second.Text}\" {p.Second.Box}").ToList();
        Assert.True(overlapping.Count == 0, $"{canvasId}: names overlap:\n" + string.Join('\n', overlapping.Take(10)));
    }

    /// <summary>A rectangle in canvas pixels; touching edges (within half a pixel) do not count as overlapping.</summary>
    private sealed record Box(double Left, double Right, double Top, double Bottom)
    {
        private const double Tolerance = 0.5;

        public static Box From(JsonElement e) => new(e.GetProperty("left").GetDouble(), e.GetProperty("right").GetDouble(), e.GetProperty("top").GetDouble(), e.GetProperty("bottom").GetDouble());

        public bool Overlaps(Box other) =>
            Right - Tolerance > other.Left && other.Right - Tolerance > Left && Bottom - Tolerance > other.Top && other.Bottom - Tolerance > Top
            && Right - Left > Tolerance && other.Right - other.Left > Tolerance;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Left:0.#}–{Right:0.#} × {Top:0.#}–{Bottom:0.#}]");
    }
}

/// <summary>The rate chart of Sơn La's 12 districts, on a desk and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RateChartLabelsOfADistrictTable(BrowserFixture app)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task No_label_of_the_rate_chart_covers_a_bar_with_12_districts(int width)
    {
        var page = await app.NewPageAsync(width);
        await page.GotoAsync("/");

        // Charts are drawn when scrolled to (docs/decisions/082).
        await page.Locator("#chart-rate").ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart('chart-rate')");
        await page.Locator("#chart-rate").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, $"chart-rate-12-{width}.png") });

        await ChartLabels.AssertNoLabelCoversABarAsync(page, "chart-rate", 12, referenceLines: true);
        await page.Context.CloseAsync();
    }
}

/// <summary>The national demo: 63 provinces on the rate and progress charts, and the country's page on a phone.</summary>
[Collection(NationalBrowserCollection.Name)]
public sealed class NationalChartsInTheBrowser(NationalBrowserFixture app)
{
    [Theory]
    [InlineData(1280, "chart-rate")]
    [InlineData(360, "chart-rate")]
    [InlineData(1280, "chart-progress")]
    [InlineData(360, "chart-progress")]
    public async Task No_label_covers_a_bar_and_no_name_overlaps_another_with_63_provinces(int width, string chart)
    {
        var page = await app.NewPageAsync(width);
        await page.GotoAsync("/");

        // Charts are drawn when scrolled to (docs/decisions/082).
        await page.Locator("#" + chart).ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync($"() => window.Chart && Chart.getChart('{chart}')");
        await page.Locator("#" + chart).ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, $"{chart}-63-{width}.png") });

        await ChartLabels.AssertNoLabelCoversABarAsync(page, chart, 63, referenceLines: chart == "chart-rate");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_country_page_fits_a_phone_without_sideways_scrolling()
    {
        var page = await app.NewPageAsync(360, 780);
        await page.GotoAsync("/");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "national-dashboard-360.png"), FullPage = true });

        // Neither the page nor the ranking's own box scrolls sideways: the table fits the width it is given.
        var ranking = await page.EvaluateAsync<double>("() => document.querySelector('[data-testid=ranking]').getBoundingClientRect().width");
        var room = await page.EvaluateAsync<double>("() => document.querySelector('[data-testid=ranking]').parentElement.clientWidth");
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var columns = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('[data-testid=ranking] thead th')].map(th => th.textContent.trim() + ' ' + Math.round(th.getBoundingClientRect().width)).join(', ')");
        Assert.True(ranking <= room && room <= 360, $"The ranking table is {ranking} px wide in {room} px: {columns}.");
        Assert.True(scrollWidth <= 360, $"The page is {scrollWidth} px wide.");
        await page.Context.CloseAsync();
    }
}
