using System.Net;
using AngleSharp.Html.Dom;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Snapshots;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Pages.Snapshots;

/// <summary>
/// Issue #11 point 6: for a date, which children reported (when, by whom) and which have not, on the dashboard and
/// in intake; /snapshots lists every date with its total, revision, reporting and sign-off status, and the gaps.
/// </summary>
public sealed class ReportingStatusTests : IDisposable
{
    private static readonly DateOnly Day17 = new(2020, 8, 17);
    private static readonly DateOnly Day18 = new(2020, 8, 18);

    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>18/8 holds 17/8's counts plus 500 each, except Thành phố Sơn La, entered by "lan".</summary>
    private async Task Add18AugustWithoutTheCityAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var city = await db.Areas.Where(a => a.Name == "Thành phố Sơn La").Select(a => a.Id).SingleAsync();
        var day17 = await db.SnapshotRevisions.AsNoTracking().Include(r => r.Counts)
            .Where(r => r.Date == Day17).OrderByDescending(r => r.Number).FirstAsync();
        db.SnapshotRevisions.Add(new SnapshotRevisionEntity
        {
            AreaId = day17.AreaId,
            Date = Day18,
            Number = 1,
            CreatedAt = new DateTimeOffset(2020, 8, 18, 2, 30, 0, TimeSpan.Zero),
            CreatedBy = "lan",
            Source = RevisionSource.Form,
            Unassigned = day17.Unassigned,
            Counts = [.. day17.Counts.Where(c => c.AreaId != city).Select(c => new SnapshotCountEntity { AreaId = c.AreaId, Registrations = c.Registrations + 500 })],
        });
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<DataVersion>().Bump();
    }

    [Fact]
    public async Task The_dashboard_grid_and_upload_page_say_eleven_of_twelve_districts_reported_and_name_the_missing_one()
    {
        await Add18AugustWithoutTheCityAsync();
        var staff = await _factory.ClientForAsync(Roles.Staff);

        foreach (var url in new[] { "/", "/snapshots/new?date=2020-08-18", "/snapshots/upload" })
        {
            var page = await Html.ParseAsync(await staff.GetAsync(new Uri(url, UriKind.Relative)));
            var status = page.QuerySelector("[data-testid=reporting-status]");
            Assert.True(status is not null, $"{url} shows no reporting status");
            Assert.Contains("11/12 huyện, thành phố đã báo cáo ngày 18/8/2020", status.QuerySelector("[data-testid=reporting-summary]")!.Text(), StringComparison.Ordinal);
            Assert.Equal("Chưa báo cáo: Thành phố Sơn La", status.QuerySelector("[data-testid=reporting-missing]")!.Text());
            var rows = status.QuerySelectorAll("[data-testid=reporting-table] tbody tr");
            Assert.Equal(11, rows.Length);
            // Mộc Châu: 17/8's 6.000-odd plus 500, entered by lan at 9:30 Vietnam time.
            var mocChau = rows.Single(r => r.QuerySelector("th")!.Text() == "Huyện Mộc Châu");
            Assert.Contains("lan", mocChau.Text(), StringComparison.Ordinal);
            Assert.Contains("09:30 ngày 18/8/2020", mocChau.Text(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_complete_date_names_nobody_missing()
    {
        var viewer = await _factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await viewer.GetAsync(new Uri("/", UriKind.Relative)));

        Assert.Contains("12/12 huyện, thành phố đã báo cáo ngày 17/8/2020", page.QuerySelector("[data-testid=reporting-summary]")!.Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=reporting-missing]"));
    }

    [Fact]
    public async Task The_list_of_dates_shows_totals_revisions_reporting_sign_off_and_the_days_without_counts()
    {
        await Add18AugustWithoutTheCityAsync();
        var director = await _factory.ClientForAsync(Roles.Director);
        var signing = await Html.ParseAsync(await director.GetAsync(new Uri("/annex/signoff?date=2020-08-17", UriKind.Relative)));
        var signed = await director.SubmitAsync((IHtmlFormElement)signing.QuerySelector("[data-testid=signoff-form]")!, new Dictionary<string, string>
        {
            ["Dispatch.Number"] = "1002",
            ["Dispatch.Date"] = "2020-08-18",
        });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);

        async Task<List<string>> LinesAsync()
        {
            var page = await Html.ParseAsync(await director.GetAsync(new Uri("/snapshots", UriKind.Relative)));
            return [.. page.QuerySelectorAll("[data-testid=dates] tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("th,td").Select(c => c.Text())))];
        }

        var lines = await LinesAsync();
        // 18/8: 84.126 + 11 × 500 − 21.106 (the city has no count) = 68.520.
        Assert.Equal(
        [
            "18/8/2020 | 68.520 | 11/12 | #1 | Bản nháp",
            "17/8/2020 | 84.126 | 12/12 | #1 | Đã duyệt",
            "13/8/2020 – 16/8/2020 | — | Không có số liệu (4 ngày)",
            "12/8/2020 | 64.259 | 12/12 | #1 | Bản nháp",
        ], lines);

        // A correction of 17/8 after the sign-off: the date is "changed since signed", as the annex page says.
        await _factory.AddRevisionAsync(Day17);
        lines = await LinesAsync();
        Assert.Equal("17/8/2020 | 84.138 | 12/12 | #2 | Đã thay đổi sau khi duyệt", lines[1]);
        var annex = await Html.ParseAsync(await director.GetAsync(new Uri("/annex?date=2020-08-17", UriKind.Relative)));
        Assert.NotNull(annex.QuerySelector("[data-testid=changed-after-signoff]"));
    }

    /// <summary>The service takes any area: a district with its own commune snapshot, and a commune (no children).</summary>
    [Fact]
    public async Task A_district_reports_its_communes_and_a_commune_has_none_to_report()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mocChau = await db.Areas.SingleAsync(a => a.Code == "123");
        var communes = new[] { ("04060", "Thị trấn Mộc Châu", AreaKind.Township), ("04063", "Xã Lóng Sập", AreaKind.Commune), ("04066", "Xã Chiềng Sơn", AreaKind.Commune) }
            .Select(c => new AreaEntity { Code = c.Item1, Name = c.Item2, Kind = c.Item3, ParentId = mocChau.Id }).ToList();
        db.Areas.AddRange(communes);
        await db.SaveChangesAsync();
        db.SnapshotRevisions.Add(new SnapshotRevisionEntity
        {
            AreaId = mocChau.Id,
            Date = Day17,
            Number = 1,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "huyen-moc-chau",
            Source = RevisionSource.Form,
            Unassigned = 4,
            Counts = [new SnapshotCountEntity { AreaId = communes[0].Id, Registrations = 3_000 }, new SnapshotCountEntity { AreaId = communes[2].Id, Registrations = 500 }],
        });
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<DataVersion>().Bump();

        var query = scope.ServiceProvider.GetRequiredService<ReportingStatusQuery>();
        var district = await query.OnAsync("123", Day17);
        Assert.NotNull(district);
        Assert.Equal((2, 3), (district.Reported.Count, district.Expected));
        Assert.Equal(["Xã Lóng Sập"], district.Missing.Select(a => a.Name));
        Assert.All(district.Reported, r => Assert.Equal("huyen-moc-chau", r.ReportedBy));

        var commune = await query.OnAsync("04066", Day17);
        Assert.NotNull(commune);
        Assert.Equal(0, commune.Expected);
        Assert.Null(await query.OnAsync("no-such-area", Day17));

        // The province's own status is untouched by the district's snapshot.
        var province = await query.OnAsync("14", Day17);
        Assert.Equal(12, province!.Reported.Count);
    }
}
