using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Pages.Annex;

/// <summary>
/// Issue #10, point 2: a district without a count on the report date is listed after the ranked rows as
/// "chưa có số liệu ngày …", without a rank, on the annex page and the dashboard; the totals say how many have data.
/// </summary>
public sealed class UnrankedAreaTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private static readonly DateOnly Day18 = new(2020, 8, 18);

    // 18/8 holds 17/8's counts plus 500 each, except Thành phố Sơn La (1st on 17/8), which has no count.
    private async Task Arrange18AugustWithoutTheCityAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.SnapshotRevisions.AnyAsync(r => r.Date == Day18))
        {
            return;
        }

        var city = await db.Areas.Where(a => a.Name == "Thành phố Sơn La").Select(a => a.Id).SingleAsync();
        var day17 = await db.SnapshotRevisions.AsNoTracking().Include(r => r.Counts)
            .Where(r => r.Date == new DateOnly(2020, 8, 17)).OrderByDescending(r => r.Number).FirstAsync();
        db.SnapshotRevisions.Add(new SnapshotRevisionEntity
        {
            AreaId = day17.AreaId,
            Date = Day18,
            Number = 1,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "test",
            Source = RevisionSource.Form,
            Unassigned = day17.Unassigned,
            Counts = [.. day17.Counts.Where(c => c.AreaId != city).Select(c => new SnapshotCountEntity { AreaId = c.AreaId, Registrations = c.Registrations + 500 })],
        });
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<DataVersion>().Bump();
    }

    [Fact]
    public async Task The_annex_lists_the_district_without_a_count_last_without_a_number()
    {
        await Arrange18AugustWithoutTheCityAsync();
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/annex?date=2020-08-18&compare=2020-08-17", UriKind.Relative)));

        var rows = page.QuerySelectorAll("[data-testid=annex] tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.Text()).ToArray()).ToArray();
        Assert.Equal([.. Enumerable.Range(1, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "", "12", "13"], rows.Select(r => r[0]));
        Assert.Equal(["", "Thành phố Sơn La", "103.392", "chưa có số liệu ngày 18/8/2020", "", ""], rows[11]);
        Assert.Equal("11/12 huyện, thành phố có số liệu ngày 18/8/2020", page.QuerySelector("[data-testid=coverage]")!.Text());
    }

    [Fact]
    public async Task The_dashboard_ranks_the_eleven_with_data_and_gives_the_twelfth_no_rank_or_arrow()
    {
        await Arrange18AugustWithoutTheCityAsync();
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/?date=2020-08-18&compare=2020-08-17", UriKind.Relative)));

        var rows = page.QuerySelectorAll("[data-testid=ranking] tbody tr[data-code]").ToArray();
        Assert.Equal(12, rows.Length);
        var last = rows[^1];
        Assert.Equal("Thành phố Sơn La", last.QuerySelector("th")!.Text());
        Assert.Equal(string.Empty, last.QuerySelector("td")!.Text().Trim());
        Assert.Contains("chưa có số liệu ngày 18/8/2020", last.Text(), StringComparison.Ordinal);
        Assert.Equal("—", last.QuerySelector(".rank-change")!.Text().Trim());

        // Mộc Châu was 2nd on 17/8 behind the city; among the eleven with a count it was 1st then and is 1st now.
        var first = rows[0];
        Assert.Equal("1", first.QuerySelector("td")!.Text().Trim());
        Assert.Equal("Huyện Mộc Châu", first.QuerySelector("th")!.Text());
        Assert.Contains("–", first.QuerySelector(".rank-change")!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("▲", first.QuerySelector(".rank-change")!.Text(), StringComparison.Ordinal);

        // Issue #10, point 8: the warning comes with what to check.
        var warning = page.QuerySelectorAll("[data-testid=warnings] li").Single(li => li.Text().Contains("Thành phố Sơn La: không có số liệu ngày 18/8/2020.", StringComparison.Ordinal));
        Assert.Equal(
            "Kiểm tra tệp hoặc bảng nhập có dòng của khu vực này; nếu thiếu, bổ sung rồi lưu bản mới.",
            warning.QuerySelector(".warning-hint")!.Text());
        Assert.StartsWith("11/12 huyện, thành phố có số liệu ngày 18/8/2020", page.QuerySelector("[data-testid=coverage]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pacing_table_lists_the_district_without_a_count_after_the_others_and_before_the_province()
    {
        await Arrange18AugustWithoutTheCityAsync();
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/?date=2020-08-18", UriKind.Relative)));

        var rows = page.QuerySelectorAll("[data-testid=pacing-table] tbody tr").ToList();
        Assert.Equal(13, rows.Count);
        var city = rows[^2];
        Assert.Equal("116", city.GetAttribute("data-code"));
        Assert.Contains("unranked", city.ClassList);
        Assert.Equal(["Thành phố Sơn La", "chưa có số liệu ngày 18/8/2020"], city.QuerySelectorAll("th,td").Select(c => c.Text()));
        Assert.All(rows.Take(11), r => Assert.DoesNotContain("chưa có số liệu", r.Text(), StringComparison.Ordinal));
        Assert.Contains("Toàn tỉnh", rows[^1].Text(), StringComparison.Ordinal);

        // In English the row and the ranking's note say it with an English date.
        var english = await Html.ParseAsync(await client.GetAsync(new Uri("/?date=2020-08-18&culture=en-US", UriKind.Relative)));
        Assert.Equal("no count on 8/18/2020", english.QuerySelectorAll("[data-testid=pacing-table] tbody tr")[^2].QuerySelector("td")!.Text());
        Assert.Contains("no count on 8/18/2020", english.QuerySelector("[data-testid=ranking] tr[data-code='116']")!.Text(), StringComparison.Ordinal);
        Assert.StartsWith("11/12 districts have a count on 8/18/2020", english.QuerySelector("[data-testid=coverage]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pdf_prints_the_district_without_a_count_on_its_line_and_keeps_one_page()
    {
        await Arrange18AugustWithoutTheCityAsync();
        var client = await factory.ClientForAsync(Roles.Viewer);
        var pdf = await client.GetByteArrayAsync(new Uri("/annex.pdf?date=2020-08-18&compare=2020-08-17", UriKind.Relative));
        // Kept for a look (pdftoppm -png): the line must read as a line of the table, not overflow its cell.
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "annex-unranked-18-8.pdf"), pdf);
        var pages = Reports.PdfText.Pages(pdf);
        Assert.Single(pages);
        // The cell's text wraps in two lines inside the registrations column, around the name's line (looked at with pdftoppm).
        Assert.True(Reports.PdfText.IndexOf(pages[0], Reports.PdfText.Words("chưa có số liệu ngày Thành phố Sơn La 103.392 18/8/2020 12")) >= 0, string.Join(' ', pages[0]));
        Assert.True(Reports.PdfText.IndexOf(pages[0], Reports.PdfText.Words("11/12 huyện, thành phố có số liệu ngày 18/8/2020")) >= 0, string.Join(' ', pages[0]));
    }
}
