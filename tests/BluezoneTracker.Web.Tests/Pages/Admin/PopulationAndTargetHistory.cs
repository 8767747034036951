using System.Net;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Pages.Admin;

/// <summary>
/// Populations and targets have a history that reports respect (issue #10 point 5): a change applies from
/// its date, reports of earlier dates keep the figures in force then, and the admin pages list the history.
/// </summary>
public sealed class PopulationAndTargetHistory : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>Counts for 18/8/2020: the 17/8 counts plus 100 in each district.</summary>
    private async Task AddAugust18Async()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var previous = await db.SnapshotRevisions.AsNoTracking().Include(r => r.Counts).SingleAsync(r => r.Date == new DateOnly(2020, 8, 17));
        db.SnapshotRevisions.Add(new SnapshotRevisionEntity
        {
            AreaId = previous.AreaId,
            Date = new DateOnly(2020, 8, 18),
            Number = 1,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "test",
            Source = RevisionSource.Form,
            Reason = "Số liệu ngày 18/8",
            Unassigned = previous.Unassigned,
            Counts = [.. previous.Counts.Select(c => new SnapshotCountEntity { AreaId = c.AreaId, Registrations = c.Registrations + 100 })],
        });
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<DataVersion>().Bump();
    }

    private static async Task<string> PopulationOfSonLaCityAsync(HttpClient client, string date)
    {
        var annex = await Html.ParseAsync(await client.GetAsync(new Uri($"/annex?date={date}", UriKind.Relative)));
        return annex.QuerySelectorAll("[data-testid=annex] tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.Text()).ToArray())
            .Single(r => r.Length > 2 && r[1] == "Thành phố Sơn La")[2];
    }

    [Fact]
    public async Task A_population_change_from_18_8_leaves_the_17_8_annex_as_it_was_and_changes_18_8()
    {
        await AddAugust18Async();
        var admin = await _factory.ClientForAsync(Roles.Admin);
        Assert.Equal("103.392", await PopulationOfSonLaCityAsync(admin, "2020-08-17"));

        var saved = await admin.SubmitAsync("/admin/areas/116", "form[method=post]:not([action])", new Dictionary<string, string>
        {
            ["Input.Population"] = "110000",
            ["Input.PopulationYear"] = "2020",
            ["Input.PopulationSource"] = "Ước tính của Cục Thống kê",
            ["EffectiveFrom"] = "2020-08-18",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var page = await Html.ParseAsync(saved);
        Assert.Equal(
            "Đã lưu Thành phố Sơn La (mã 116): dân số 110.000. Số mới áp dụng cho các báo cáo từ ngày 18/8/2020; báo cáo các ngày trước vẫn dùng số cũ. Không phụ lục đã duyệt nào bị ảnh hưởng.",
            page.QuerySelector("[data-testid=saved]")!.Text());

        Assert.Equal("103.392", await PopulationOfSonLaCityAsync(admin, "2020-08-17"));
        Assert.Equal("110.000", await PopulationOfSonLaCityAsync(admin, "2020-08-18"));

        // The page lists the history, newest date first, each figure with its year and source.
        var history = page.QuerySelectorAll("[data-testid=population-history] tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Take(3).Select(c => c.Text().Trim()))).ToList();
        Assert.Equal(["18/8/2020 | 110.000 | 2020 Ước tính của Cục Thống kê", "1/1/2020 | 103.392 | 2019 Tổng điều tra dân số 2019"], history);
    }

    [Fact]
    public async Task A_population_without_a_year_is_refused_and_nothing_is_written()
    {
        var admin = await _factory.ClientForAsync(Roles.Admin);
        var rowsBefore = await _factory.QueryAsync(db => db.Populations.CountAsync());
        var response = await admin.SubmitAsync("/admin/areas/116", "form[method=post]:not([action])", new Dictionary<string, string>
        {
            ["Input.Population"] = "110000",
            ["Input.PopulationYear"] = "",
            ["EffectiveFrom"] = "2020-08-17",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vui lòng nhập năm và nguồn của số dân số.", (await Html.ParseAsync(response)).QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(rowsBefore, await _factory.QueryAsync(db => db.Populations.CountAsync()));
        Assert.Equal(103_392, await _factory.QueryAsync(db => db.Areas.Where(a => a.Code == "116").Select(a => a.Population).SingleAsync()));
        Assert.Equal("103.392", await PopulationOfSonLaCityAsync(admin, "2020-08-17"));
    }

    [Fact]
    public async Task A_target_set_later_does_not_rewrite_an_earlier_dashboard_and_is_listed()
    {
        var admin = await _factory.ClientForAsync(Roles.Admin);
        var saved = await admin.SubmitAsync("/admin/target", "form[method=post]:not([action])", new Dictionary<string, string>
        {
            ["Input.SharePercent"] = "60",
            ["Input.Deadline"] = "2020-09-30",
            ["Input.EffectiveFrom"] = "2020-08-17",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var page = await Html.ParseAsync(saved);
        Assert.StartsWith("Đã lưu chỉ tiêu của Tỉnh Sơn La: 60 % đến ngày 30/9/2020, áp dụng cho các báo cáo từ ngày 17/8/2020",
            page.QuerySelector("[data-testid=saved]")!.Text(), StringComparison.Ordinal);
        var history = page.QuerySelectorAll("[data-testid=target-history] tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Take(2).Select(c => c.Text().Trim()))).ToList();
        Assert.Equal(["17/8/2020 | 60 %", "từ đầu | 50 %"], history);

        async Task<string> DeadlineShownAsync(string date)
        {
            var dashboard = await Html.ParseAsync(await admin.GetAsync(new Uri($"/?date={date}", UriKind.Relative)));
            return dashboard.QuerySelector("[data-testid=days-left]")!.ParentElement!.TextContent;
        }

        Assert.Contains("Hạn: 20/8/2020", await DeadlineShownAsync("2020-08-12"), StringComparison.Ordinal);
        Assert.Contains("Hạn: 30/9/2020", await DeadlineShownAsync("2020-08-17"), StringComparison.Ordinal);
    }
}
