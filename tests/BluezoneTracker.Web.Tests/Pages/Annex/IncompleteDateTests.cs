using System.Net;
using System.Text.Json;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Pages.Annex;

/// <summary>
/// Round 10: on 20/8/2020 only 2 of Sơn La's 12 districts have counts. A figure of the province that needs every
/// district (the total's rate and change, progress, pace, the charts' totals) is withheld with the reason, the total's
/// registrations stay the sum of the rows, the summary claims nothing of the whole, and the annex cannot be signed.
/// </summary>
public sealed class IncompleteDateTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private static readonly DateOnly Day20 = new(2020, 8, 20);

    // 20/8 holds only Huyện Mộc Châu and Huyện Mai Sơn, each 17/8's count plus 100, and 17/8's unassigned.
    private async Task Arrange20AugustWithTwoDistrictsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.SnapshotRevisions.AnyAsync(r => r.Date == Day20))
        {
            return;
        }

        var two = await db.Areas.Where(a => a.Name == "Huyện Mộc Châu" || a.Name == "Huyện Mai Sơn").Select(a => a.Id).ToListAsync();
        var day17 = await db.SnapshotRevisions.AsNoTracking().Include(r => r.Counts)
            .Where(r => r.Date == new DateOnly(2020, 8, 17)).OrderByDescending(r => r.Number).FirstAsync();
        db.SnapshotRevisions.Add(new SnapshotRevisionEntity
        {
            AreaId = day17.AreaId,
            Date = Day20,
            Number = 1,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "test",
            Source = RevisionSource.Form,
            Unassigned = day17.Unassigned,
            Counts = [.. day17.Counts.Where(c => two.Contains(c.AreaId)).Select(c => new SnapshotCountEntity { AreaId = c.AreaId, Registrations = c.Registrations + 100 })],
        });
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<DataVersion>().Bump();
    }

    [Fact]
    public async Task The_annex_total_withholds_rate_and_change_and_says_why_under_the_table()
    {
        await Arrange20AugustWithTwoDistrictsAsync();
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/annex?date=2020-08-20", UriKind.Relative)));

        var total = page.QuerySelectorAll("[data-testid=annex] tbody tr")[^1].QuerySelectorAll("td").Select(c => c.Text()).ToArray();
        // Mộc Châu 11.346 + 100, Mai Sơn 10.329 + 100, unassigned 27.
        Assert.Equal(["4", "TOÀN TỈNH (*)", "1.248.415", "21.902", "—", "—"], total);
        var note = page.QuerySelector("[data-testid=withheld]")!.Text();
        Assert.Equal("(*) TOÀN TỈNH: tổng của các huyện, thành phố có số liệu, không phải số của toàn tỉnh; tỷ lệ và số so sánh chưa tính — chưa đủ số liệu.", note);
        Assert.Equal("2/12 huyện, thành phố có số liệu ngày 20/8/2020", page.QuerySelector("[data-testid=coverage]")!.Text());

        var summary = page.QuerySelector("#annex-summary-text")!.Text();
        Assert.DoesNotContain("chiếm", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("so với thống kê", summary, StringComparison.Ordinal);
        Assert.Contains("mới có 2/12 huyện, thành phố có số liệu", summary, StringComparison.Ordinal);
        Assert.Contains("Thành phố Sơn La", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_and_csv_say_the_annex_is_incomplete_and_leave_the_withheld_figures_out()
    {
        await Arrange20AugustWithTwoDistrictsAsync();
        var client = await factory.ClientForAsync(Roles.Viewer);
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/annex?date=2020-08-20", UriKind.Relative)));
        var root = json.RootElement;

        Assert.False(root.GetProperty("complete").GetBoolean());
        Assert.Equal(2, root.GetProperty("reportedCount").GetInt32());
        Assert.Equal(12, root.GetProperty("childCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("total").GetProperty("rate").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("total").GetProperty("change").ValueKind);
        Assert.Equal(21_902, root.GetProperty("total").GetProperty("registrations").GetInt64());
        Assert.Equal("chưa đủ số liệu: 2/12 huyện, thành phố có số liệu ngày 20/8/2020", root.GetProperty("withheldReason").GetString());

        var csv = await client.GetStringAsync(new Uri("/annex.csv?date=2020-08-20", UriKind.Relative));
        // The note of the "(*)" goes with the total row (the fresh trial of trial10: the CSV had the mark without it).
        var lines = csv.Split("\r\n");
        Assert.EndsWith(",Ghi chú số liệu", lines[0], StringComparison.Ordinal);
        var totalLine = Assert.Single(lines, l => l.StartsWith("TOÀN TỈNH (*),1248415,21902,—,—,", StringComparison.Ordinal) || l.Contains(",TOÀN TỈNH (*),1248415,21902,—,—,", StringComparison.Ordinal));
        Assert.Contains("2/12 huyện, thành phố có số liệu ngày 20/8/2020", totalLine, StringComparison.Ordinal);
        Assert.Contains("(*) TOÀN TỈNH: ", totalLine, StringComparison.Ordinal);
        Assert.All(lines.Skip(1).Where(l => l.Length > 0 && l != totalLine), l => Assert.EndsWith(",", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sign_off_page_shows_why_instead_of_the_button_and_a_post_is_refused_with_nothing_written()
    {
        await Arrange20AugustWithTwoDistrictsAsync();
        var director = await factory.ClientForAsync(Roles.Director);
        var page = await Html.ParseAsync(await director.GetAsync(new Uri("/annex/signoff?date=2020-08-20", UriKind.Relative)));

        Assert.Null(page.QuerySelector("[data-testid=signoff-submit]"));
        var why = page.QuerySelector("[data-testid=signoff-incomplete]")!.Text();
        Assert.StartsWith("Chưa thể duyệt phụ lục ngày 20/8/2020: chưa đủ số liệu: 2/12 huyện, thành phố có số liệu ngày 20/8/2020.", why, StringComparison.Ordinal);
        Assert.Contains("Thành phố Sơn La", why, StringComparison.Ordinal);

        var refused = await director.SubmitAsync("/annex/signoff?date=2020-08-20", "[data-testid=signoff-form]");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Chưa thể duyệt phụ lục ngày 20/8/2020", (await Html.ParseAsync(refused)).QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);

        // The draft PDF of the same form is still made: only signing is refused (the fresh trial of trial10 got the 409).
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("[data-testid=signoff-form]")!;
        using var draftRequest = Forms.Request(form);
        draftRequest.RequestUri = new Uri("/annex/signoff?date=2020-08-20&handler=Draft", UriKind.Relative);
        var draft = await director.SendAsync(draftRequest);
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Equal("application/pdf", draft.Content.Headers.ContentType!.MediaType);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.SignOffs.AnyAsync(s => s.Revision!.Date == Day20));
    }

    [Fact]
    public async Task The_store_refuses_to_sign_an_incomplete_date_whatever_annex_it_is_given()
    {
        await Arrange20AugustWithTwoDistrictsAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<FiguresQuery>().GetAsync(new FiguresRequest(null, "2020-08-20"));
        var catalog = result.Catalog!;
        // An annex that claims to be complete (as one computed before a district's count was removed would).
        var report = result.Figures!.Annex with { Completeness = null };
        var settings = ReportSettings.DefaultFor(report.Area);
        var annex = new SignedAnnex(report, settings, DispatchDetails.FromSettings(settings, Day20), null, [],
            catalog.Revisions.Single(r => r.Date == Day20).Number, string.Empty, default);
        var director = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("giamdoc"))!;

        var signed = await scope.ServiceProvider.GetRequiredService<BluezoneTracker.Web.SignOffs.SignOffs>().SignAsync(catalog, annex, director, Roles.Director);

        Assert.Equal(BluezoneTracker.Web.SignOffs.SignResult.Incomplete, signed);
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().SignOffs.AnyAsync(s => s.Revision!.Date == Day20));
    }

    [Fact]
    public async Task The_dashboard_withholds_rate_progress_and_pace_links_the_latest_complete_date_and_leaves_a_gap_in_the_charts()
    {
        await Arrange20AugustWithTwoDistrictsAsync();
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/?date=2020-08-20", UriKind.Relative)));

        Assert.Equal("—", page.QuerySelector("[data-testid=total-rate]")!.Text().Trim());
        Assert.Equal("—", page.QuerySelector("[data-testid=total-change]")!.Text().Trim());
        Assert.Equal("21.902", page.QuerySelector("[data-testid=total-registrations]")!.Text().Trim());
        var withheld = page.QuerySelector("[data-testid=withheld]")!;
        Assert.Contains("chưa đủ số liệu: 2/12 huyện, thành phố có số liệu ngày 20/8/2020", withheld.Text(), StringComparison.Ordinal);
        Assert.Contains("date=2020-08-17", withheld.QuerySelector("[data-testid=latest-complete]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Chưa xác định", page.QuerySelector("[data-testid=target-status]")!.Text(), StringComparison.Ordinal);
        // 20/8 is the deadline: before, "Không đạt, thiếu 589.578" from the sum of two districts.
        Assert.Equal("Chưa xác định, —", page.QuerySelector("[data-testid=outcome]")!.Text().Trim());
        Assert.Equal("—", page.QuerySelector("[data-testid=remaining]")!.Text().Trim());

        // The province's own history ends on 17/8, its latest complete date: 20/8's partial sum is no point of it.
        Assert.StartsWith("Tỉnh Sơn La: 84.126 lượt đăng ký ngày 17/8/2020", page.QuerySelector("[data-testid=history-summary]")!.Text().Trim(), StringComparison.Ordinal);

        var english = await Html.ParseAsync(await client.GetAsync(new Uri("/?date=2020-08-20&culture=en-US", UriKind.Relative)));
        Assert.Contains("incomplete data: 2/12 districts have a count on 8/20/2020", english.QuerySelector("[data-testid=withheld]")!.Text(), StringComparison.Ordinal);

        // The charts: no point of the province on 20/8 and no new-per-day bar ending on it.
        await using var scope = factory.Services.CreateAsyncScope();
        var catalog = (await scope.ServiceProvider.GetRequiredService<FiguresQuery>().CatalogAsync(null))!;
        var totals = await scope.ServiceProvider.GetRequiredService<SeriesQuery>().TotalsAsync(catalog);
        Assert.False(totals.Single(p => p.Date == Day20).IsComplete);
        Assert.All(totals.Where(p => p.Date < Day20), p => Assert.True(p.IsComplete));
        Assert.DoesNotContain(Core.Figures.RegistrationSeries.NewPerDay(totals), d => d.To == Day20);
    }
}
