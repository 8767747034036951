using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Pages.Dashboard;

/// <summary>
/// Issue #11 points 2 and 4: every area's page shows its own history (gaps visible); a leaf area shows it as its
/// page; a district's own commune snapshot differing from the province's row is a warning on both pages.
/// </summary>
public sealed class AreaHistoryTests
{
    /// <summary>The app serving the district Huyện Mộc Châu (code 123) instead of the province.</summary>
    private sealed class DistrictFactory : BluezoneAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Deployment:AreaCode"] = "123" };
    }

    private static async Task<List<string>> HistoryRowsAsync(HttpClient client)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)));
        return [.. page.QuerySelectorAll("[data-testid=history-table] tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("th,td").Select(c => c.Text())))];
    }

    [Fact]
    public async Task The_province_dashboard_shows_its_own_history_with_the_days_without_counts()
    {
        using var factory = new BluezoneAppFactory();
        await TimeSeriesSeed.AddAsync(factory.Services);
        var viewer = await factory.ClientForAsync(Roles.Viewer);

        var rows = await HistoryRowsAsync(viewer);
        // 2/8 to 17/8: 16 days, 8 with counts, newest first.
        Assert.Equal(16, rows.Count);
        Assert.StartsWith("17/8/2020 | 84.126 | + ", rows[0], StringComparison.Ordinal);
        Assert.Equal("16/8/2020 | — | Không có số liệu", rows[1].TrimEnd(' ', '|'));
        Assert.EndsWith("6,74 % | " + rows[0].Split(" | ")[5] + " | bảng của đơn vị", rows[0], StringComparison.Ordinal);
        Assert.Equal(8, rows.Count(r => r.Contains("Không có số liệu", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_district_without_communes_shows_its_history_from_the_province_rows_as_its_page()
    {
        using var factory = new DistrictFactory();
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await viewer.GetAsync(new Uri("/", UriKind.Relative)));

        Assert.Null(page.QuerySelector("[data-testid=problem]"));
        Assert.Null(page.QuerySelector("[data-testid=ranking]"));
        Assert.Contains("Diễn biến của Huyện Mộc Châu", page.QuerySelector("[data-testid=area-history] h2")!.Text(), StringComparison.Ordinal);
        Assert.Contains("trong bảng của đơn vị cấp trên", page.QuerySelector("[data-testid=history-source-rule]")!.Text(), StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("[data-testid=history-table] tbody tr").Select(r => r.Text()).ToList();
        // 12/8 and 17/8 from the province's snapshots, 13/8–16/8 as gaps.
        Assert.Equal(6, rows.Count);
        Assert.Contains("dòng trong bảng cấp trên", rows[0], StringComparison.Ordinal);
        Assert.Equal(4, rows.Count(r => r.Contains("Không có số liệu", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_district_snapshot_of_its_communes_differing_from_the_province_row_is_a_warning_on_both_pages()
    {
        using var district = new DistrictFactory();
        var provinceRow = await district.QueryAsync(db => db.SnapshotCounts
            .Where(c => c.Area!.Code == "123" && db.SnapshotRevisions.Any(r => r.Id == c.RevisionId && r.Date == new DateOnly(2020, 8, 17)))
            .Select(c => c.Registrations).SingleAsync());
        await using (var scope = district.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var mocChau = await db.Areas.SingleAsync(a => a.Code == "123");
            var town = new AreaEntity { Code = "04060", Name = "Thị trấn Mộc Châu", Kind = AreaKind.Township, ParentId = mocChau.Id };
            var commune = new AreaEntity { Code = "04066", Name = "Xã Chiềng Sơn", Kind = AreaKind.Commune, ParentId = mocChau.Id };
            db.Areas.AddRange(town, commune);
            await db.SaveChangesAsync();
            // The district's own table: 12 more than the province's row (7 unassigned in the district).
            db.SnapshotRevisions.Add(new SnapshotRevisionEntity
            {
                AreaId = mocChau.Id, Date = new DateOnly(2020, 8, 17), Number = 1, CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "huyen", Source = RevisionSource.Form, Unassigned = 7,
                Counts = [new SnapshotCountEntity { AreaId = town.Id, Registrations = provinceRow - 1_000 }, new SnapshotCountEntity { AreaId = commune.Id, Registrations = 1_005 }],
            });
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<DataVersion>().Bump();
        }

        var expected = $"Huyện Mộc Châu ngày 17/8/2020: bảng số liệu của chính Huyện Mộc Châu (bản #1) cộng lại là {Core.Formatting.VietnameseFormat.Count(provinceRow + 12)}, "
            + $"dòng của Huyện Mộc Châu trong bảng của Tỉnh Sơn La (bản #1) là {Core.Formatting.VietnameseFormat.Count(provinceRow)}, chênh lệch + 12.";
        var viewer = await district.ClientForAsync(Roles.Viewer);
        var districtPage = await Html.ParseAsync(await viewer.GetAsync(new Uri("/", UriKind.Relative)));
        Assert.Contains(expected, districtPage.QuerySelector("[data-testid=history-warnings]")!.Text(), StringComparison.Ordinal);
        // The district's 17/8 shows its own table's number; 12/8 (no own table) the province's row.
        var rows = districtPage.QuerySelectorAll("[data-testid=history-table] tbody tr").Select(r => r.Text()).ToList();
        Assert.Contains(Core.Formatting.VietnameseFormat.Count(provinceRow + 12), rows[0], StringComparison.Ordinal);
        Assert.Contains("bảng của đơn vị", rows[0], StringComparison.Ordinal);
        Assert.Contains("dòng trong bảng cấp trên", rows[^1], StringComparison.Ordinal);

        // The province's page, over the same store, names the same difference.
        using var provinceApp = new ProvinceOverStore(district.Folder);
        var provinceViewer = await provinceApp.ClientForAsync(Roles.Viewer);
        var onProvince = await Html.ParseAsync(await provinceViewer.GetAsync(new Uri("/", UriKind.Relative)));
        Assert.Contains(expected, onProvince.QuerySelector("[data-testid=history-warnings]")!.Text(), StringComparison.Ordinal);
    }

    /// <summary>A second app over the same database, serving the province.</summary>
    private sealed class ProvinceOverStore(string folder) : BluezoneAppFactory(folder, ownsFolder: false);
}
