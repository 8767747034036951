using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Pages.Shared;

/// <summary>The small things a new user meets first: the sign-in page, the favicon, sizes, the annex link, the dashboard's wording.</summary>
public sealed class SmallThingsTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task Sign_in_page_has_no_link_that_leads_back_to_sign_in()
    {
        var client = factory.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/account/signin", UriKind.Relative)));
        var links = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();

        // Every page but the sign-in page itself needs a signed-in user, so any of them would lead back here.
        Assert.All(links, href => Assert.DoesNotContain("signin", href, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(links, href => href is "/" or "/annex" or "/Annex");
        Assert.NotNull(page.QuerySelector("[data-testid=signin-form]"));
    }

    [Fact]
    public async Task Favicon_is_served_and_linked_from_every_page()
    {
        var client = factory.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/account/signin", UriKind.Relative)));
        var href = page.QuerySelector("link[rel=icon]")!.GetAttribute("href")!;
        var icon = await client.GetAsync(new Uri(href, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Upload_page_states_the_size_limit_as_people_say_it()
    {
        var staff = await factory.ClientForAsync(Roles.Staff);
        var page = await Html.ParseAsync(await staff.GetAsync(new Uri("/snapshots/upload", UriKind.Relative)));
        Assert.Contains("tối đa 5 MB.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("5.242.880", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navbar_annex_link_keeps_the_dates_of_the_dashboard_in_view()
    {
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await viewer.GetAsync(new Uri("/?date=2020-08-12", UriKind.Relative)));
        Assert.Equal("/annex?date=2020-08-12", page.QuerySelector("[data-testid=nav-annex]")!.GetAttribute("href"));

        var annex = await Html.ParseAsync(await viewer.GetAsync(new Uri("/annex?date=2020-08-17&compare=2020-08-12", UriKind.Relative)));
        Assert.Equal("/annex?date=2020-08-17&compare=2020-08-12", annex.QuerySelector("[data-testid=nav-annex]")!.GetAttribute("href"));
        Assert.Equal(["2020-08-17", "2020-08-12"], annex.QuerySelectorAll("#date option").Select(o => o.GetAttribute("value")));
        Assert.Equal("2020-08-17", annex.QuerySelector("#date option[selected]")!.GetAttribute("value"));
        Assert.Equal("2020-08-12", annex.QuerySelector("#compare option[selected]")!.GetAttribute("value"));
        Assert.NotNull(annex.QuerySelector("[data-testid=print-annex]"));
    }

    [Fact]
    public async Task Progress_bar_says_what_it_measures_and_rate_changes_have_two_decimals()
    {
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await viewer.GetAsync(new Uri("/?date=2020-08-17&compare=2020-08-12", UriKind.Relative)));

        // 84.126 of a target of 50 % × 1.248.415 = 624.207,5: 13,5 %.
        Assert.Equal("13,5 % chỉ tiêu", page.QuerySelector("[data-testid=target-progress]")!.TextContent.Trim());
        Assert.Contains("50 %", page.QuerySelector("#target-heading")!.TextContent, StringComparison.Ordinal);
        var changes = page.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Where(t => t.EndsWith("điểm %", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(changes);
        Assert.All(changes, text => Assert.Matches(@"^([+-] )?\d+,\d{2} điểm %$", text));
    }
}
