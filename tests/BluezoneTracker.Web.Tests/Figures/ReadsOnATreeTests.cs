using BluezoneTracker.Benchmarks;
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
        public CommandCounter Commands { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "false",
            ["Deployment:AreaCode"] = tree.Root.Code,
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(Commands)));
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
}
