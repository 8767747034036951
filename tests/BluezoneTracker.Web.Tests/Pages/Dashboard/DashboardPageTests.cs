using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Pages.Dashboard;

public sealed class DashboardPageTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task Dashboard_shows_the_province_figures_of_the_latest_snapshot()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);

        Assert.Equal("84.126", page.QuerySelector("[data-testid=total-registrations]")!.Text());
        Assert.Equal("6,74 %", page.QuerySelector("[data-testid=total-rate]")!.Text());
        Assert.Equal("+ 19.867", page.QuerySelector("[data-testid=total-change]")!.Text());
        Assert.Equal("3", page.QuerySelector("[data-testid=days-left]")!.Text());
        // 50 % of the official population 1.248.415 = 624.207,5 → 624.208; remaining 540.081,5 → 540.082.
        Assert.StartsWith("624.208 (cơ sở: dân số 1.248.415)", page.QuerySelector("[data-testid=target-count]")!.Text(), StringComparison.Ordinal);
        Assert.Equal("540.082", page.QuerySelector("[data-testid=remaining]")!.Text());
        Assert.Equal("180.027", page.QuerySelector("[data-testid=required-per-day]")!.Text());
        Assert.Equal("✗ Chậm tiến độ", page.QuerySelector("[data-testid=target-status]")!.Text().Trim());
    }

    [Fact]
    public async Task Ranking_lists_districts_by_rate_with_rank_changes()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/?date=2020-08-17&compare=2020-08-12", UriKind.Relative)));
        var rows = page.QuerySelectorAll("[data-testid=ranking] tbody tr[data-code]").ToList();
        Assert.Equal(12, rows.Count);
        Assert.Equal("116", rows[0].GetAttribute("data-code"));
        var maiSon = rows.Single(r => r.GetAttribute("data-code") == "125");
        Assert.Contains("▲1", maiSon.QuerySelector(".rank-change")!.Text(), StringComparison.Ordinal);
        Assert.Contains("6,3 %", maiSon.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Population_mismatch_of_the_seed_is_shown_as_a_warning()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)));
        var warnings = page.QuerySelector("[data-testid=warnings]")!.Text();
        Assert.Contains("1.234.854", warnings, StringComparison.Ordinal);
        Assert.Contains("1.248.415", warnings, StringComparison.Ordinal);
        Assert.Contains("13.561", warnings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_the_earlier_date_shows_its_figures()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/?date=2020-08-12", UriKind.Relative)));
        // 84.126 − 19.867 = 64.259 on 12/8; no earlier snapshot to compare with.
        Assert.Equal("64.259", page.QuerySelector("[data-testid=total-registrations]")!.Text());
        Assert.Equal("—", page.QuerySelector("[data-testid=total-change]")!.Text());
    }

    [Fact]
    public async Task English_is_available_and_numbers_in_it_are_english()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/?culture=en-US", UriKind.Relative)));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Registered", page.Body!.Text(), StringComparison.Ordinal);
        Assert.Equal("84,126", page.QuerySelector("[data-testid=total-registrations]")!.Text());
    }

    [Fact]
    public async Task Unknown_date_gets_a_clear_message_not_a_500()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var response = await client.GetAsync(new Uri("/?date=2021-01-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Không có số liệu cho ngày 1/1/2021.", page.QuerySelector("[data-testid=problem]")!.Text());
    }
}

public sealed class EmptyDashboardTests(EmptyAppFactory factory) : IClassFixture<EmptyAppFactory>
{
    [Fact]
    public async Task Without_the_demo_seed_the_dashboard_says_there_is_no_data()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Chưa có", page.QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);
    }
}
