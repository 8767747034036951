using System.Net;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Reports;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Reports;
using ClosedXML.Excel;
using Microsoft.Extensions.Configuration;

namespace BluezoneTracker.Web.Tests.Data;

/// <summary>The app started with <c>Seed:Demo=national</c>.</summary>
public sealed class NationalDemoAppFactory : BluezoneAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:Demo"] = "national" };
}

/// <summary>
/// The national demo (issue #11 point 7) and the annex's words at the country's and a district's level
/// in every rendering (point 3): HTML, Excel and PDF.
/// </summary>
public sealed class NationalDemoTests(NationalDemoAppFactory factory) : IClassFixture<NationalDemoAppFactory>
{
    private const string Synthetic = "Số liệu minh họa (không phải số liệu thật)";

    [Fact]
    public async Task The_country_annex_page_names_provinces_the_unassigned_province_row_and_TOAN_QUOC()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/annex?date=2020-08-17&compare=2020-08-12", UriKind.Relative)));
        var annex = page.QuerySelector("[data-testid=annex]")!;

        Assert.Equal("Tỉnh, Thành phố", annex.QuerySelectorAll("thead th")[1].Text());
        var rows = annex.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.Text().Trim()).ToArray()).ToList();
        Assert.Equal(63 + 2, rows.Count);
        Assert.Equal("Số thuê bao chưa xác định được tỉnh", rows[^2][1]);
        Assert.Equal("TOÀN QUỐC", rows[^1][1]);

        // Sơn La's row is the dispatch's real total, the other provinces are made up.
        Assert.Contains(rows, r => r[1] == "Tỉnh Sơn La" && r[2] == "1.248.415" && r[3] == "84.126" && r[4] == "+ 19.867");
        Assert.Contains(Synthetic, page.QuerySelector("[data-testid=synthetic-banner]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_of_the_country_speaks_of_provinces_and_says_its_figures_are_synthetic()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)));

        var ranking = page.QuerySelector("[data-testid=ranking]")!;
        Assert.Equal("Tỉnh, Thành phố", ranking.QuerySelectorAll("thead th")[1].Text());
        Assert.Equal("Toàn quốc", ranking.QuerySelectorAll("tbody tr")[^1].QuerySelector("th")!.Text());
        Assert.Equal("Chưa xác định được tỉnh", ranking.QuerySelectorAll("tbody tr")[^2].QuerySelector("th")!.Text());
        Assert.Contains(Synthetic, page.QuerySelector("[data-testid=synthetic-banner]")!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("huyện", page.QuerySelector("main")!.Text(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_country_annex_in_Excel_and_PDF_carries_the_same_words()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        using (var book = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync(new Uri("/annex.xlsx?date=2020-08-17&compare=2020-08-12", UriKind.Relative)))))
        {
            var sheet = book.Worksheet(1);
            Assert.Equal("Tỉnh, Thành phố", sheet.Cell(AnnexExcel.HeaderRow, 2).GetString());
            var last = AnnexExcel.FirstLineRow + 63 + 1;
            Assert.Equal("Số thuê bao chưa xác định được tỉnh", sheet.Cell(last - 1, 2).GetString());
            Assert.Equal("TOÀN QUỐC", sheet.Cell(last, 2).GetString());
        }

        var pdf = await client.GetByteArrayAsync(new Uri("/annex.pdf?date=2020-08-17&compare=2020-08-12", UriKind.Relative));
        var words = PdfText.Pages(pdf).SelectMany(p => p).ToList();
        foreach (var text in new[] { "Tỉnh, Thành phố", "Số thuê bao chưa xác định được tỉnh", "TOÀN QUỐC" })
        {
            Assert.True(PdfText.IndexOf(words, PdfText.Words(text)) >= 0, $"\"{text}\" is not printed");
        }
    }

    [Fact]
    public async Task Son_La_under_the_country_keeps_its_districts_and_the_dispatchs_words()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var response = await client.GetAsync(new Uri("/annex.csv?area=14&date=2020-08-17&compare=2020-08-12", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"Huyện, Thành phố\"", csv, StringComparison.Ordinal);
        Assert.Contains("Số thuê bao chưa xác định được huyện,,27,12,", csv, StringComparison.Ordinal);
        Assert.Contains("TOÀN TỈNH,1248415,84126,19867,\"6,74 %\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void A_district_annex_in_Excel_and_PDF_names_communes_and_TOAN_HUYEN()
    {
        var district = new Area("123", "Huyện Mộc Châu", AreaKind.RuralDistrict, "14") { Population = new Population(112_402, 2019, "TĐTDS 2019") };
        var communes = new[]
        {
            new Area("4001", "Thị trấn Mộc Châu", AreaKind.Township, "123") { Population = new Population(30_000, 2019, "TĐTDS 2019") },
            new Area("4002", "Xã Chiềng Sơn", AreaKind.Commune, "123") { Population = new Population(12_000, 2019, "TĐTDS 2019") },
        };
        var document = AnnexDocument.From(AnnexCalculator.Build(new AnnexInput(
            district, communes,
            new SnapshotCounts(new DateOnly(2020, 8, 17), new Dictionary<string, long> { ["4001"] = 3_000, ["4002"] = 700 }, 9),
            null, [])), AnnexSamples.Settings);

        using (var book = new XLWorkbook(new MemoryStream(AnnexExcel.Write(document, AnnexSamples.Settings))))
        {
            var sheet = book.Worksheet(1);
            Assert.Equal("Xã, Phường, Thị trấn", sheet.Cell(AnnexExcel.HeaderRow, 2).GetString());
            Assert.Equal("Số thuê bao chưa xác định được xã", sheet.Cell(AnnexExcel.FirstLineRow + 2, 2).GetString());
            Assert.Equal("TOÀN HUYỆN", sheet.Cell(AnnexExcel.FirstLineRow + 3, 2).GetString());
        }

        var words = PdfText.Pages(AnnexSamples.Pdf(document, summary: true)).SelectMany(p => p).ToList();
        foreach (var text in new[] { "Xã, Phường, Thị trấn", "Số thuê bao chưa xác định được xã", "TOÀN HUYỆN", "toàn huyện Mộc Châu có 3.709 lượt" })
        {
            Assert.True(PdfText.IndexOf(words, PdfText.Words(text)) >= 0, $"\"{text}\" is not printed");
        }
    }

    [Theory]
    [InlineData(null, "SonLa")]
    [InlineData("true", "SonLa")]
    [InlineData("national", "National")]
    [InlineData("National", "National")]
    [InlineData("false", "None")]
    public void Seed_Demo_keeps_true_and_false_and_adds_national(string? value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Seed:Demo"] = value }).Build();
        Assert.Equal(expected, DemoSeed.Mode(configuration).ToString());
    }

    [Fact]
    public void An_unknown_Seed_Demo_value_stops_the_start_with_the_accepted_ones()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Seed:Demo"] = "nationl" }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => DemoSeed.Mode(configuration));
        Assert.Contains("national", error.Message, StringComparison.Ordinal);
    }
}
