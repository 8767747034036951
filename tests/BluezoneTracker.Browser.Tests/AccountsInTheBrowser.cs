using BluezoneTracker.Browser.Tests.Infrastructure;
using BluezoneTracker.Web.Accounts;
using Microsoft.Playwright;

namespace BluezoneTracker.Browser.Tests;

/// <summary>Signing in, the director's sign-off and the admin pages in Chromium, under the strict CSP.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountsInTheBrowser(BrowserFixture app)
{
    [Fact]
    public async Task An_anonymous_visitor_lands_on_an_accessible_sign_in_page()
    {
        var page = await app.NewPageAsync(role: null);
        var watch = new PageWatch(page, app.BaseAddress);
        await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.EndsWith("/account/signin?ReturnUrl=%2F", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid=demo-banner]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "signin.png") });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.Empty(watch.Problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_director_sees_the_draft_mark_and_signs_the_date_off()
    {
        var page = await app.NewPageAsync(role: Roles.Director);
        var watch = new PageWatch(page, app.BaseAddress);
        await page.GotoAsync("/annex?date=2020-08-12");
        await Assertions.Expect(page.Locator("[data-testid=draft-mark]")).ToHaveTextAsync("BẢN NHÁP");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "annex-draft.png"), FullPage = true });

        await page.ClickAsync("[data-testid=signoff-link]");
        await page.ClickAsync("[data-testid=signoff-submit]");

        await Assertions.Expect(page.Locator("[data-testid=approved]")).ToContainTextAsync("Đã duyệt: browser-director");
        await Assertions.Expect(page.Locator("[data-testid=draft-mark]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "annex-signed.png"), FullPage = true });
        Assert.Empty(watch.Problems);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/settings")]
    [InlineData("/account/tokens")]
    public async Task Admin_pages_have_no_serious_accessibility_violations_and_no_csp_errors(string url)
    {
        var page = await app.NewPageAsync(role: Roles.Admin);
        var watch = new PageWatch(page, app.BaseAddress);
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.Empty(watch.Problems);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "admin" + url.Replace('/', '-') + ".png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
