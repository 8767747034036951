using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Tests.Pages.Shared;

/// <summary>
/// Dates a fresh user's trial got wrong answers for: a day that does not exist is named as such, refused where it
/// is typed with a 400, and admin dates stay inside the accepted range.
/// </summary>
public sealed class DatesRefusedClearlyTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_grid_opened_with_a_date_that_does_not_exist_refuses_at_once()
    {
        var staff = await _factory.ClientForAsync(Roles.Staff);
        var response = await staff.GetAsync(new Uri("/snapshots/new?date=2020-13-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("ngày \"2020-13-01\" không có: tháng 13 không tồn tại (một năm có 12 tháng).", page.QuerySelector("[data-testid=date-problem]")!.Text(), ignoreCase: true);
    }

    [Fact]
    public async Task The_dashboard_says_the_thirtieth_of_february_does_not_exist()
    {
        var viewer = await _factory.ClientForAsync(Roles.Viewer);
        var response = await viewer.GetAsync(new Uri("/?date=2020-02-30", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Ngày \"2020-02-30\" không có: tháng 2/2020 chỉ có 29 ngày.", (await Html.ParseAsync(response)).QuerySelector("[data-testid=problem]")!.Text());
    }

    [Fact]
    public async Task The_history_of_a_date_that_does_not_exist_names_it_instead_of_the_generic_404()
    {
        var staff = await _factory.ClientForAsync(Roles.Staff);
        var response = await staff.GetAsync(new Uri("/snapshots/2020-13-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Ngày \"2020-13-01\" không có", (await Html.ParseAsync(response)).QuerySelector("[data-testid=date-problem]")!.Text(), StringComparison.Ordinal);
        // Text that is no date at all is no page.
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(new Uri("/snapshots/abc", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_api_answers_400_for_a_malformed_date_in_the_path_and_writes_nothing()
    {
        var client = await _factory.ApiClientAsync(Roles.Staff);
        foreach (var date in new[] { "2020-13-01", "not-a-date" })
        {
            using var body = new ByteArrayContent(IntakeClient.Corpus("names-without-diacritics-prefixes.csv"));
            body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
            var response = await client.PostAsync(new Uri($"/api/snapshots/{date}", UriKind.Relative), body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(date, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await _factory.QueryAsync(db => db.SnapshotRevisions.CountAsync(r => r.Date.Year != 2020 || r.Date.Month != 8 || r.Date.Day > 17)));
    }

    [Fact]
    public async Task Admin_dates_outside_the_accepted_range_are_refused_and_nothing_is_saved()
    {
        var admin = await _factory.ClientForAsync(Roles.Admin);
        var targets = await _factory.QueryAsync(db => db.Targets.CountAsync());
        var target = await admin.SubmitAsync("/admin/target", "form[method=post]:not([action])", new Dictionary<string, string> { ["Input.Deadline"] = "1900-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, target.StatusCode);
        Assert.Contains("nằm ngoài khoảng cho phép", (await Html.ParseAsync(target)).QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);
        var from = await admin.SubmitAsync("/admin/target", "form[method=post]:not([action])", new Dictionary<string, string> { ["Input.EffectiveFrom"] = "1900-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, from.StatusCode);
        Assert.Equal(targets, await _factory.QueryAsync(db => db.Targets.CountAsync()));

        var populations = await _factory.QueryAsync(db => db.Populations.CountAsync());
        var area = await admin.SubmitAsync("/admin/areas/116", "form[method=post]:not([action])", new Dictionary<string, string> { ["Input.Population"] = "110000", ["EffectiveFrom"] = "1900-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, area.StatusCode);
        Assert.Contains("nằm ngoài khoảng cho phép", (await Html.ParseAsync(area)).QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(populations, await _factory.QueryAsync(db => db.Populations.CountAsync()));
    }
}
