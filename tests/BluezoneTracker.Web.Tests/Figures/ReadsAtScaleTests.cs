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
/// The dashboard, the annex page and the annex JSON read a fixed number of SQL queries, whatever the
/// number of districts or days: a country of 200 districts over 10 days and one of 700 over 30 cost the same.
/// </summary>
public sealed class ReadsAtScaleTests(ITestOutputHelper output)
{
    /// <summary>The app over a store filled by <see cref="ScaleData"/>, counting its queries.</summary>
    private sealed class ScaleAppFactory(ScaleShape shape) : BluezoneAppFactory
    {
        /// <summary>SQLite whatever the run: the scale store is bulk-written straight into the SQLite file (bench/BulkCounts).</summary>
        public override StoreEngine Engine => StoreEngine.Sqlite;

        public CommandCounter Commands { get; } = new();

        public ScaleShape Shape => shape;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "false",
            ["Deployment:AreaCode"] = shape.Root.Code,
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.CountQueriesWith(Commands));
        }

        /// <summary>Starts the app (which creates the schema), then fills the store and tells the app.</summary>
        public async Task FillAsync()
        {
            var version = Services.GetRequiredService<DataVersion>();
            await ScaleData.FillAsync($"Data Source={DatabasePath}", shape);
            version.Bump();
        }
    }

    /// <summary>Queries of one request with an empty figures cache (just after a write), then of the same request again.</summary>
    private sealed record Reads(int Cold, int Warm);

    private sealed record PageReads(Reads Dashboard, Reads AnnexPage, Reads AnnexJson);

    private static async Task<PageReads> CountAsync(ScaleShape shape)
    {
        using var factory = new ScaleAppFactory(shape);
        await factory.FillAsync();
        var viewer = await factory.ClientForAsync(Roles.Viewer);

        async Task<Reads> ReadsOfAsync(string url, Func<HttpResponseMessage, Task> check)
        {
            factory.Services.GetRequiredService<DataVersion>().Bump();
            var before = factory.Commands.Count;
            var response = await viewer.GetAsync(new Uri(url, UriKind.Relative));
            var cold = factory.Commands.Count - before;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await check(response);

            before = factory.Commands.Count;
            (await viewer.GetAsync(new Uri(url, UriKind.Relative))).EnsureSuccessStatusCode();
            return new Reads(cold, factory.Commands.Count - before);
        }

        var districts = shape.Children.Count;
        return new PageReads(
            await ReadsOfAsync("/", async r =>
            {
                var page = await Html.ParseAsync(r);
                // One page of the pacing table (docs/decisions/081) and the whole-area row.
                Assert.Equal(Math.Min(districts, global::BluezoneTracker.Web.Pages.Dashboard.IndexModel.RowsPerPage) + 1, page.QuerySelectorAll("[data-testid=pacing-table] tbody tr").Length);
                Assert.Equal(shape.Days, page.QuerySelectorAll("[data-testid=table-cumulative] tbody tr").Length);
            }),
            await ReadsOfAsync("/annex", async r =>
            {
                var page = await Html.ParseAsync(r);
                Assert.Equal(districts, page.QuerySelectorAll("[data-testid=annex] tbody tr:not(.total):not(.unassigned)").Length);
            }),
            await ReadsOfAsync("/api/annex", async r =>
                Assert.Contains($"\"{VietnameseLast(shape)}\"", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal)));
    }

    private static string VietnameseLast(ScaleShape shape) => shape.Children[^1].Name;

    [Fact]
    public async Task Dashboard_and_annex_run_as_many_queries_for_700_districts_over_30_days_as_for_200_over_10()
    {
        var small = await CountAsync(ScaleData.Ministry(200, 10));
        var large = await CountAsync(ScaleData.Ministry(700, 30));

        output.WriteLine($"200 × 10: {small}");
        output.WriteLine($"700 × 30: {large}");
        Assert.Equal(small, large);
        // Until the next write, a page is served from the cached figures.
        Assert.All([large.Dashboard, large.AnnexPage, large.AnnexJson], r => Assert.True(r.Warm < r.Cold, $"{r.Warm} queries warm, {r.Cold} cold"));
    }
}
