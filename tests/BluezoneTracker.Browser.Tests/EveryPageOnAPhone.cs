using BluezoneTracker.Browser.Tests.Infrastructure;
using BluezoneTracker.Web.Accounts;
using Microsoft.Playwright;

namespace BluezoneTracker.Browser.Tests;

/// <summary>
/// Every page as a person sees it at 360 px (a small phone) and 1280 px: nothing scrolls sideways,
/// no request fails (the favicon included), and a screenshot of each is kept to be looked at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageOnAPhone(BrowserFixture app)
{
    /// <summary>Every page of the app, opened as the role that may see it.</summary>
    public static TheoryData<string, string?> Pages => new()
    {
        { "/account/signin", null },
        { "/", Roles.Viewer },
        { "/?date=2020-08-17&compare=2020-08-12", Roles.Viewer },
        { "/annex?date=2020-08-17&compare=2020-08-12", Roles.Viewer },
        { "/account/password", Roles.Viewer },
        { "/snapshots", Roles.Staff },
        { "/snapshots/new", Roles.Staff },
        { "/snapshots/upload", Roles.Staff },
        { "/snapshots/2020-08-17", Roles.Staff },
        { "/account/tokens", Roles.Staff },
        { "/annex/signoff?date=2020-08-17", Roles.Director },
        { "/admin", Roles.Admin },
        { "/admin/users", Roles.Admin },
        { "/admin/areas", Roles.Admin },
        { "/admin/areas/new", Roles.Admin },
        { "/admin/areas/123", Roles.Admin },
        { "/admin/target", Roles.Admin },
        { "/admin/settings", Roles.Admin },
        { "/admin/audit", Roles.Admin },
    };

    /// <summary>The elements that reach past the screen's right edge, to name the culprit in a failure.</summary>
    private const string Widest = """
        width => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5)
            .slice(-3)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' → ' + Math.round(e.getBoundingClientRect().right))
            .join('; ')
        """;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_does_not_scroll_sideways_at_360_px_and_a_screenshot_is_kept(string path, string? role)
    {
        foreach (var width in new[] { 360, 1280 })
        {
            var page = await app.NewPageAsync(width, 800, role);
            var watch = new PageWatch(page, app.BaseAddress);
            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.True(response!.Ok, $"{path}: HTTP {response.Status}");

            // The screenshot first: when the width is wrong, the picture shows where.
            var name = path.Trim('/').Replace('/', '-').Replace('?', '-').Replace('&', '-').Replace('=', '-');
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(BrowserFixture.ArtifactsFolder, $"page-{(name.Length == 0 ? "dashboard" : name)}-{width}.png"),
                FullPage = true,
            });

            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            var widest = await page.EvaluateAsync<string>(Widest, width);
            Assert.True(scrollWidth <= width, $"{path} at {width} px is {scrollWidth} px wide: it scrolls sideways ({widest})");
            Assert.Empty(watch.Problems);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Navbar_collapses_behind_a_menu_button_on_a_phone_and_opens_on_a_tap()
    {
        var page = await app.NewPageAsync(360, 800, Roles.Admin);
        await page.GotoAsync("/");
        var annexLink = page.Locator("[data-testid=nav-annex]");
        await Assertions.Expect(annexLink).ToBeHiddenAsync();
        var navHeight = await page.Locator("nav.navbar").EvaluateAsync<double>("n => n.getBoundingClientRect().height");
        Assert.True(navHeight < 70, $"the collapsed navbar is {navHeight} px tall");

        await page.ClickAsync("[data-testid=menu-toggle]");
        await Assertions.Expect(annexLink).ToBeVisibleAsync();
        Assert.Equal("true", await page.GetAttributeAsync("[data-testid=menu-toggle]", "aria-expanded"));

        // The demo banner takes one line.
        var banner = await page.Locator("[data-testid=demo-banner]").EvaluateAsync<double>("b => b.getBoundingClientRect().height");
        Assert.True(banner < 32, $"the demo banner is {banner} px tall");
        await page.Context.CloseAsync();
    }
}
