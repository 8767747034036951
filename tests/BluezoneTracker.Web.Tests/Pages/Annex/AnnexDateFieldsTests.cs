using System.Globalization;
using System.Net;
using BluezoneTracker.Benchmarks;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Pages.Annex;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Pages.Annex;

/// <summary>
/// An annex over more dates than <see cref="IndexModel.DateListLimit"/> offers date fields instead of lists of every
/// date (decision 131: 730 dates were 1 460 options), like the dashboard; a date without counts picked there gets
/// the message and the fields again.
/// </summary>
public sealed class AnnexDateFieldsTests : IClassFixture<AnnexDateFieldsTests.ManyDatesFactory>
{
    private const int Districts = 120;
    private const int Days = IndexModel.DateListLimit + 10;
    private readonly ManyDatesFactory factory;

    public AnnexDateFieldsTests(ManyDatesFactory factory) => this.factory = factory;

    /// <summary>A country of <see cref="Districts"/> districts counted on <see cref="Days"/> dates.</summary>
    public sealed class ManyDatesFactory : BluezoneAppFactory
    {
        private int filled;

        public static ScaleShape Shape { get; } = ScaleData.Ministry(Districts, Days);

        /// <summary>SQLite whatever the run: the scale store is bulk-written straight into the SQLite file.</summary>
        public override StoreEngine Engine => StoreEngine.Sqlite;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "false",
            ["Deployment:AreaCode"] = Shape.Root.Code,
        };

        public async Task<HttpClient> ViewerAsync()
        {
            if (Interlocked.Exchange(ref filled, 1) == 0)
            {
                var version = Services.GetRequiredService<DataVersion>();
                await ScaleData.FillAsync($"Data Source={DatabasePath}", Shape);
                version.Bump();
            }

            return await this.ClientForAsync(Roles.Viewer);
        }
    }

    [Fact]
    public async Task Many_dates_are_chosen_in_date_fields_bounded_by_the_dates_with_counts_and_every_line_is_there()
    {
        var client = await factory.ViewerAsync();

        var response = await client.GetAsync(new Uri("/annex", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var (first, last) = (Dates.Min(), Dates.Max());
        var date = page.QuerySelector("#annex-dates input#date")!;
        Assert.Equal("date", date.GetAttribute("type"));
        Assert.Equal(VietnameseFormat.IsoDate(first), date.GetAttribute("min"));
        Assert.Equal(VietnameseFormat.IsoDate(last), date.GetAttribute("max"));
        Assert.Equal(VietnameseFormat.IsoDate(last), date.GetAttribute("value"));
        var compare = page.QuerySelector("#annex-dates input#compare")!;
        Assert.Equal("date", compare.GetAttribute("type"));
        Assert.Null(compare.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("option"));
        Assert.Equal($"Có số liệu {Days} ngày, từ {UiDate(first)} đến {UiDate(last)}.", page.QuerySelector("[data-testid=dates-with-data]")!.Text());
        Assert.Equal(Districts + 1, page.QuerySelectorAll("[data-testid=annex-table] tbody tr:not(.unassigned)").Length);
    }

    [Fact]
    public async Task A_date_without_counts_picked_in_the_field_gets_the_message_and_the_fields_again()
    {
        var client = await factory.ViewerAsync();
        var before = VietnameseFormat.IsoDate(Dates.Min().AddDays(-1));

        var response = await client.GetAsync(new Uri("/annex?date=" + before, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Không có số liệu", page.QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(before, page.QuerySelector("#annex-dates input#date")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("[data-testid=annex-table]"));
        Assert.Null(page.QuerySelector("[data-testid=print-annex]"));
    }

    private static IReadOnlyList<DateOnly> Dates => [.. Enumerable.Range(0, Days).Select(ScaleShape.FirstDate.AddDays)];

    private static string UiDate(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Day}/{date.Month}/{date.Year}");
}
