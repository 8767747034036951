using System.Net;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Seed;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Pages.Dashboard;

/// <summary>The seed plus snapshots on 2, 5, 8, 10, 14 and 15 August: pacing, presets and series over eight dates.</summary>
public sealed class DashboardOverTimeTests(DashboardOverTimeTests.Factory factory) : IClassFixture<DashboardOverTimeTests.Factory>
{
    public sealed class Factory : BluezoneAppFactory, IAsyncLifetime
    {
        public CommandCounter Commands { get; } = new();

        public Task InitializeAsync() => TimeSeriesSeed.AddAsync(Services);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.CountQueriesWith(Commands));
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private static long TotalOn(DateOnly date)
    {
        var counts = TimeSeriesSeed.CountsOn(date);
        return counts.Registrations.Values.Sum() + counts.Unassigned;
    }

    private async Task<AngleSharp.Dom.IDocument> GetAsync(string url)
    {
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        var response = await viewer.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    [Fact]
    public async Task Pace_is_the_average_of_the_last_seven_days_and_says_so()
    {
        var page = await GetAsync("/");

        var week = (84_126 - TotalOn(new DateOnly(2020, 8, 10))) / 7m;
        Assert.Equal($"{VietnameseFormat.Number(week, 0)} lượt/ngày", page.QuerySelector("[data-testid=pace]")!.Text());
        Assert.Equal("Tốc độ là trung bình của 7 ngày, từ 10/8/2020 đến 17/8/2020.", page.QuerySelector("[data-testid=pace-basis]")!.Text());
        Assert.Equal("Có số liệu 8 ngày, từ 2/8/2020 đến 17/8/2020.", page.QuerySelector("[data-testid=dates-with-data]")!.Text());
    }

    [Fact]
    public async Task Every_district_has_its_pacing_row_with_basis_and_a_status_in_words()
    {
        var page = await GetAsync("/");

        var rows = page.QuerySelectorAll("[data-testid=pacing-table] tbody tr").ToList();
        Assert.Equal(13, rows.Count);
        var city = rows.Single(r => r.GetAttribute("data-code") == "116").Text();
        Assert.Contains("51.696 dân số 103.392", city, StringComparison.Ordinal);
        Assert.Contains("Chậm tiến độ", city, StringComparison.Ordinal);
        Assert.Contains("Toàn tỉnh", rows[^1].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seven_days_earlier_preset_compares_with_the_snapshot_a_week_before_and_the_url_keeps_it()
    {
        var page = await GetAsync("/?date=2020-08-15&compare=7d");

        Assert.Contains("so với ngày 8/8/2020", page.QuerySelector("[data-testid=as-of]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(VietnameseFormat.Change(TotalOn(new DateOnly(2020, 8, 15)) - TotalOn(new DateOnly(2020, 8, 8))),
            page.QuerySelector("[data-testid=total-change]")!.Text());
        Assert.True(page.QuerySelector("#compare option[value='7d']")!.HasAttribute("selected"));
    }

    [Fact]
    public async Task Seven_days_earlier_without_that_much_history_falls_back_to_the_previous_snapshot_and_says_so()
    {
        var page = await GetAsync("/?date=2020-08-05&compare=7d");

        Assert.Contains("so với ngày 2/8/2020", page.QuerySelector("[data-testid=as-of]")!.Text(), StringComparison.Ordinal);
        Assert.Contains("Không có số liệu từ 7 ngày trước ngày 5/8/2020", page.QuerySelector("[data-testid=compare-notice]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charts_have_a_one_sentence_summary_and_a_table_alternative()
    {
        var page = await GetAsync("/");

        Assert.Equal("Từ 2/8/2020 đến 17/8/2020, số đăng ký toàn tỉnh tăng từ "
            + VietnameseFormat.Count(TotalOn(new DateOnly(2020, 8, 2))) + " lên 84.126 qua 8 lần thống kê.",
            page.QuerySelector("[data-testid=summary-cumulative]")!.Text());
        Assert.StartsWith("Thành phố Sơn La có tỷ lệ cao nhất (20,4 %), Huyện Vân Hồ thấp nhất (3,8 %)",
            page.QuerySelector("[data-testid=summary-rate]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(8, page.QuerySelectorAll("[data-testid=table-cumulative] tbody tr").Length);
        Assert.Equal(7, page.QuerySelectorAll("[data-testid=table-daily] tbody tr").Length);
        Assert.Equal(12, page.QuerySelectorAll("[data-testid=table-rate] tbody tr[class!='fw-bold']").Length - 1);
        Assert.Equal(12, page.QuerySelectorAll("[data-testid=table-progress] tbody tr").Length);
        // A three-day gap (5/8 → 8/8) is spread over its days, not shown as one day's spike.
        var gap = page.QuerySelectorAll("[data-testid=table-daily] tbody tr").Single(r => r.Text().StartsWith("5/8/2020–8/8/2020", StringComparison.Ordinal));
        Assert.Equal("3", gap.QuerySelectorAll("td")[1].Text());
    }

    [Fact]
    public async Task Chosen_districts_are_drawn_and_carried_in_the_url()
    {
        var page = await GetAsync("/?d=116&d=123");

        var headers = page.QuerySelectorAll("[data-testid=table-cumulative] thead th").Select(h => h.Text()).ToList();
        Assert.Equal(["Ngày", "Toàn tỉnh", "Huyện Mộc Châu", "Thành phố Sơn La"], headers);
        Assert.Equal(2, page.QuerySelectorAll("#time-nav input[name=d]").Length);
    }

    [Fact]
    public async Task Series_of_all_dates_is_read_in_one_query_and_sums_to_the_annex_totals()
    {
        using var scope = factory.Services.CreateScope();
        var figures = scope.ServiceProvider.GetRequiredService<FiguresQuery>();
        var series = scope.ServiceProvider.GetRequiredService<SeriesQuery>();
        var catalog = (await figures.CatalogAsync(null))!;
        factory.Services.GetRequiredService<DataVersion>().Bump();

        var before = factory.Commands.Count;
        var totals = await series.TotalsAsync(catalog);
        var children = await series.ChildrenAsync(catalog, [.. catalog.Children.Select(c => c.Code)]);

        Assert.Equal(2, factory.Commands.Count - before);
        Assert.Equal(8, totals.Count);
        Assert.Equal(84_126, totals[^1].Registrations);
        Assert.Equal(SonLa.OnPreviousDate.Registrations.Values.Sum() + 15, totals.Single(p => p.Date == SonLa.PreviousDate).Registrations);
        Assert.Equal(12, children.Count);
        Assert.All(children.Values, points => Assert.Equal(8, points.Count));
    }
}
