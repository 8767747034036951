using BluezoneTracker.Browser.Tests.Infrastructure;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BluezoneTracker.Browser.Tests;

/// <summary>
/// What a fresh user's trial found on a phone: counts of a billion widened the dashboard, "TT" broke in the annex
/// header, and the sign-off page used the browser's own date input instead of the app's picker. Its own server:
/// the billion counts must not change what the other browser tests see.
/// </summary>
public sealed class TrialOnAPhone(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly DateOnly Huge = new(2020, 7, 31);

    private async Task AddBillionCountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.SnapshotRevisions.AnyAsync(r => r.Date == Huge))
        {
            return;
        }

        var any = await db.SnapshotRevisions.AsNoTracking().Include(r => r.Counts).OrderByDescending(r => r.Id).FirstAsync();
        db.SnapshotRevisions.Add(new SnapshotRevisionEntity
        {
            AreaId = any.AreaId,
            Date = Huge,
            Number = 1,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "test",
            Source = RevisionSource.Form,
            Unassigned = 1_000_000_000,
            Counts = [.. any.Counts.Select(c => new SnapshotCountEntity { AreaId = c.AreaId, Registrations = 1_000_000_000 })],
        });
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<DataVersion>().Bump();
    }

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, $"{name}.png"), FullPage = true });

    [Fact]
    public async Task A_billion_registrations_per_district_fit_the_360_px_dashboard()
    {
        await AddBillionCountsAsync();
        var page = await app.NewPageAsync(360, 800, Roles.Viewer);
        await page.GotoAsync("/?date=2020-07-31", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await ScreenshotAsync(page, "trial-billion-dashboard-360");
        Assert.Equal("13.000.000.000", await page.TextContentAsync("[data-testid=total-registrations]"));
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 360, "the dashboard scrolls sideways");
        // The headline figure stays inside its card.
        var overflow = await page.Locator("[data-testid=total-registrations]").EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth + 0.5");
        Assert.False(overflow, "the total overflows its card");
        // Shrunk to one line rather than broken inside the number ("13.000.000.0" / "00").
        var lines = await page.Locator("[data-testid=total-registrations]").EvaluateAsync<int>(
            "e => { const r = document.createRange(); r.selectNodeContents(e); return new Set([...r.getClientRects()].map(c => Math.round(c.top))).size; }");
        Assert.Equal(1, lines);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_annex_header_keeps_TT_on_one_line_at_360_px()
    {
        var page = await app.NewPageAsync(360, 800, Roles.Viewer);
        await page.GotoAsync("/annex?date=2020-08-17", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await ScreenshotAsync(page, "trial-annex-360");
        var lines = await page.Locator("[data-testid=annex] thead th").First.EvaluateAsync<int>(
            "th => { const r = document.createRange(); r.selectNodeContents(th); return new Set([...r.getClientRects()].map(c => Math.round(c.top))).size; }");
        Assert.Equal(1, lines);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sign_off_page_uses_the_apps_date_picker()
    {
        foreach (var width in new[] { 360, 1280 })
        {
            var page = await app.NewPageAsync(width, 900, Roles.Director);
            await page.GotoAsync("/annex/signoff?date=2020-08-17", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await ScreenshotAsync(page, $"trial-signoff-{width}");
            var field = page.Locator("input[name='Dispatch.Date']");
            Assert.Equal("text", await field.GetAttributeAsync("type"));
            Assert.Matches(@"^\d{1,2}/\d{1,2}/\d{4}$", await field.InputValueAsync());
            Assert.Equal(1, await page.Locator("input[name='Dispatch.Date'] ~ .date-field-button, .date-field-group:has(input[name='Dispatch.Date']) .date-field-button").CountAsync());
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_upload_preview_of_a_real_file_fits_360_px()
    {
        var page = await app.NewPageAsync(360, 800, Roles.Staff);
        await page.GotoAsync("/snapshots/upload");
        await page.FillAsync("[data-testid=upload-form] input[name=Date]", "18/8/2020");
        var file = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "BluezoneTracker.Web.Tests", "Import", "Corpus", "names-without-diacritics-prefixes.csv");
        await page.SetInputFilesAsync("[data-testid=upload-form] input[type=file]", file);
        await page.ClickAsync("[data-testid=upload-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=preview-rows]");
        await ScreenshotAsync(page, "trial-upload-preview-360");
        Assert.Equal(12, await page.Locator("[data-testid=preview-rows] tbody tr[data-code]:not([data-code=unassigned])").CountAsync());
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"the preview is {scrollWidth} px wide");

        // A number or a header word is never split ("22.55 / 6", "Dò/ng"): each stays on one line, and the table fits its box.
        var split = await page.EvaluateAsync<string[]>(
            @"() => [...document.querySelectorAll('[data-testid=preview-rows] td.text-end, [data-testid=preview-rows] th')]
                .filter(c => c.offsetParent !== null && c.textContent.trim().length > 0)
                .filter(c => { const r = document.createRange(); r.selectNodeContents(c); const lines = new Set([...r.getClientRects()].map(x => Math.round(x.top))); return c.matches('td') ? lines.size > 1 : [...c.textContent.trim().split(/\s+/)].length < lines.size; })
                .map(c => c.textContent.trim())");
        Assert.Empty(split);
        var tableFits = await page.Locator("[data-testid=preview-rows]").EvaluateAsync<bool>("t => t.scrollWidth <= t.parentElement.clientWidth + 0.5");
        Assert.True(tableFits, "the preview table is wider than its box at 360 px");
        await page.Context.CloseAsync();
    }
}
