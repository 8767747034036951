using System.Net;
using BluezoneTracker.Benchmarks;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BluezoneTracker.Web.Tests.Figures;

/// <summary>
/// The figures of the country, of a province and of a commune read a fixed number of SQL queries on a
/// three-level tree, whatever its size: 4 provinces × 10 communes over 5 days and 63 × 160 (10.080 communes)
/// over 30 days cost the same (issue #11 point 9).
/// </summary>
public sealed class ReadsOnATreeTests(ITestOutputHelper output)
{
    private sealed class TreeAppFactory(ScaleTree tree) : BluezoneAppFactory
    {
        /// <summary>SQLite whatever the run: the scale store is bulk-written straight into the SQLite file (bench/BulkCounts).</summary>
        public override StoreEngine Engine => StoreEngine.Sqlite;

        public CommandCounter Commands { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "false",
            ["Deployment:AreaCode"] = tree.Root.Code,
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.CountQueriesWith(Commands));
        }
    }

    private sealed record Reads(int Country, int Province, int Commune);

    private static async Task<Reads> CountAsync(ScaleTree tree)
    {
        using var factory = new TreeAppFactory(tree);
        _ = factory.Services; // starts the app, which creates the schema
        await ScaleTree.FillAsync($"Data Source={factory.DatabasePath}", tree);

        async Task<int> ColdReadsAsync(string code, Action<FiguresResult> check)
        {
            factory.Services.GetRequiredService<DataVersion>().Bump();
            await using var scope = factory.Services.CreateAsyncScope();
            var query = scope.ServiceProvider.GetRequiredService<FiguresQuery>();
            var before = factory.Commands.Count;
            var result = await query.GetAsync(new FiguresRequest(code));
            var reads = factory.Commands.Count - before;
            check(result);
            return reads;
        }

        var province = tree.Provinces[^1];
        var commune = tree.Communes[^1][^1];
        return new Reads(
            await ColdReadsAsync(tree.Root.Code, r => Assert.Equal(tree.Provinces.Count, r.Figures!.Annex.Rows.Count)),
            await ColdReadsAsync(province.Code, r => Assert.Equal(tree.Communes[^1].Count, r.Figures!.Annex.Rows.Count)),
            await ColdReadsAsync(commune.Code, r => Assert.Equal(commune.Code, r.Catalog!.Area.Code)));
    }

    [Fact]
    public async Task Country_province_and_commune_figures_cost_as_many_queries_on_10_thousand_communes_as_on_40()
    {
        var small = await CountAsync(ScaleTree.Of(4, 10, 5));
        var large = await CountAsync(ScaleTree.Of(63, 160, 30));

        output.WriteLine($"4 × 10 × 5 days: {small}");
        output.WriteLine($"63 × 160 × 30 days: {large}");
        Assert.Equal(small, large);
    }

    /// <summary>Queries of one page with an empty figures cache (just after a write), then of the same page again.</summary>
    private sealed record PageReads(int Cold, int Warm);

    private sealed record AreaPages(PageReads Top, PageReads TopAnnex, PageReads Middle, PageReads MiddleAnnex);

    private static async Task<AreaPages> CountPagesAsync(ScaleTree tree)
    {
        using var factory = new TreeAppFactory(tree);
        _ = factory.Services;
        await ScaleTree.FillAsync($"Data Source={factory.DatabasePath}", tree);
        factory.Services.GetRequiredService<DataVersion>().Bump();
        var viewer = await factory.ClientForAsync(Roles.Viewer);

        async Task<PageReads> ReadsOfAsync(string url, int rows)
        {
            factory.Services.GetRequiredService<DataVersion>().Bump();
            var before = factory.Commands.Count;
            var response = await viewer.GetAsync(new Uri(url, UriKind.Relative));
            var cold = factory.Commands.Count - before;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (url.EndsWith("annex", StringComparison.Ordinal))
            {
                var page = await Html.ParseAsync(response);
                Assert.Equal(rows, page.QuerySelectorAll("[data-testid=annex] tbody tr:not(.total):not(.unassigned)").Length);
            }

            before = factory.Commands.Count;
            (await viewer.GetAsync(new Uri(url, UriKind.Relative))).EnsureSuccessStatusCode();
            return new PageReads(cold, factory.Commands.Count - before);
        }

        // The middle level (a province of communes here) is what a district is in a province's tree: an area page below the top.
        var middle = tree.Provinces[^1].Code;
        return new AreaPages(
            await ReadsOfAsync("/", tree.Provinces.Count),
            await ReadsOfAsync("/annex", tree.Provinces.Count),
            await ReadsOfAsync($"/areas/{middle}/", tree.Communes[^1].Count),
            await ReadsOfAsync($"/areas/{middle}/annex", tree.Communes[^1].Count));
    }

    [Fact]
    public async Task An_area_page_below_the_top_costs_as_many_queries_as_the_top_page_cold_and_warm_whatever_the_tree_size()
    {
        var small = await CountPagesAsync(ScaleTree.Of(4, 10, 5));
        var large = await CountPagesAsync(ScaleTree.Of(20, 100, 10));

        output.WriteLine($"4 × 10 × 5 days: {small}");
        output.WriteLine($"20 × 100 × 10 days: {large}");
        Assert.Equal(small, large);
        // The area's page costs no more than the top page (measured: dashboard 15 cold against the top's 16, the
        // annex 10 against 10, both 1 warm), and no more as the tree grows (the equality above).
        Assert.True(large.Middle.Cold <= large.Top.Cold, $"area page {large.Middle.Cold} queries cold, top page {large.Top.Cold}");
        Assert.Equal(large.Top.Warm, large.Middle.Warm);
        Assert.Equal(large.TopAnnex, large.MiddleAnnex);
        Assert.All([large.Top, large.TopAnnex, large.Middle, large.MiddleAnnex], r => Assert.True(r.Warm < r.Cold, $"{r.Warm} queries warm, {r.Cold} cold"));
    }
}
