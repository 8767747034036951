using System.Net;
using BluezoneTracker.Core.Seed;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Pages.Dashboard;

/// <summary>
/// The dashboard's rendering is cached per data version, query and language: a new revision, another
/// date or another language is never answered with a rendering made for something else.
/// </summary>
public sealed class DashboardRenderingCacheTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static async Task<AngleSharp.Dom.IDocument> OpenAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    [Fact]
    public async Task A_new_revision_shows_at_once_on_a_dashboard_seen_before()
    {
        var viewer = await _factory.ClientForAsync(Roles.Viewer);
        Assert.Equal("84.126", (await OpenAsync(viewer, "/")).QuerySelector("[data-testid=total-registrations]")!.Text());

        await _factory.AddRevisionAsync(SonLa.ReportDate, plus: 1);

        // Twelve districts, each one more.
        Assert.Equal("84.138", (await OpenAsync(viewer, "/")).QuerySelector("[data-testid=total-registrations]")!.Text());
    }

    [Fact]
    public async Task Another_date_or_language_is_rendered_for_itself()
    {
        var viewer = await _factory.ClientForAsync(Roles.Viewer);
        await OpenAsync(viewer, "/");

        var earlier = await OpenAsync(viewer, "/?date=2020-08-12");
        Assert.Equal("64.259", earlier.QuerySelector("[data-testid=total-registrations]")!.Text());

        var english = await OpenAsync(viewer, "/?culture=en-US&ui-culture=en-US");
        Assert.StartsWith("Figures as of 8/17/2020", english.QuerySelector("[data-testid=as-of]")!.Text(), StringComparison.Ordinal);
        // ?culture= is remembered like the switch: the next page stays English until Vietnamese is asked for.
        Assert.StartsWith("Figures as of 8/17/2020", (await OpenAsync(viewer, "/")).QuerySelector("[data-testid=as-of]")!.Text(), StringComparison.Ordinal);
        Assert.StartsWith("Thống kê tính đến ngày 17/8/2020", (await OpenAsync(viewer, "/?culture=vi-VN")).QuerySelector("[data-testid=as-of]")!.Text(), StringComparison.Ordinal);
    }
}
