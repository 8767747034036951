using System.Net;
using AngleSharp.Html.Dom;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Pages.Snapshots;

/// <summary>/snapshots reads a fixed number of queries whatever the number of dates and of signed dates.</summary>
public sealed class SnapshotDaysReadsTests
{
    private sealed class CountingFactory : BluezoneAppFactory
    {
        public CommandCounter Commands { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.CountQueriesWith(Commands));
        }
    }

    private static async Task SignAsync(HttpClient director, string date)
    {
        var signing = await Html.ParseAsync(await director.GetAsync(new Uri($"/annex/signoff?date={date}", UriKind.Relative)));
        var signed = await director.SubmitAsync((IHtmlFormElement)signing.QuerySelector("[data-testid=signoff-form]")!, new Dictionary<string, string>
        {
            ["Dispatch.Number"] = "1002",
            ["Dispatch.Date"] = date,
        });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }

    /// <summary>Queries of a cold /snapshots (just after a data-version bump) with the seed's 2 dates (one signed) or 8 dates (three signed).</summary>
    private static async Task<int> ColdReadsAsync(bool moreDates)
    {
        using var factory = new CountingFactory();
        var director = await factory.ClientForAsync(Roles.Director);
        if (moreDates)
        {
            await TimeSeriesSeed.AddAsync(factory.Services);
        }

        await SignAsync(director, "2020-08-17");
        if (moreDates)
        {
            await SignAsync(director, "2020-08-14");
            await SignAsync(director, "2020-08-05");
        }

        factory.Services.GetRequiredService<DataVersion>().Bump();
        var before = factory.Commands.Count;
        var response = await director.GetAsync(new Uri("/snapshots", UriKind.Relative));
        var reads = factory.Commands.Count - before;
        var page = await Html.ParseAsync(response);
        Assert.Equal(moreDates ? 8 : 2, page.QuerySelectorAll("[data-testid=date-row]").Length);
        Assert.Equal(moreDates ? 3 : 1, page.QuerySelectorAll("[data-testid=date-row] .text-bg-success").Length);
        return reads;
    }

    [Fact]
    public async Task The_list_of_dates_reads_as_many_queries_for_eight_dates_as_for_two()
    {
        var two = await ColdReadsAsync(moreDates: false);
        var eight = await ColdReadsAsync(moreDates: true);
        Assert.Equal(two, eight);
    }
}
