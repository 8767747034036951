using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Pages.Annex;

public sealed class AnnexPageTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    // The dispatch's table with the three corrections of domain.md (Mai Sơn, Phù Yên, the total).
    private static readonly string[][] Expected =
    [
        ["1", "Thành phố Sơn La", "103.392", "21.106", "+ 4.024", "20,4 %"],
        ["2", "Huyện Mộc Châu", "112.402", "11.346", "+ 2.008", "10,1 %"],
        ["3", "Huyện Mai Sơn", "162.696", "10.329", "+ 2.468", "6,3 %"],
        ["4", "Huyện Mường La", "98.760", "6.122", "+ 1.273", "6,2 %"],
        ["5", "Huyện Phù Yên", "113.779", "6.763", "+ 1.488", "5,9 %"],
        ["6", "Huyện Quỳnh Nhai", "63.447", "3.359", "+ 1.266", "5,3 %"],
        ["7", "Huyện Yên Châu", "78.572", "4.093", "+ 1.094", "5,2 %"],
        ["8", "Huyện Sông Mã", "152.889", "7.083", "+ 2.073", "4,6 %"],
        ["9", "Huyện Sốp Cộp", "49.554", "2.025", "+ 446", "4,1 %"],
        ["10", "Huyện Thuận Châu", "171.680", "6.985", "+ 2.302", "4,1 %"],
        ["11", "Huyện Bắc Yên", "66.248", "2.580", "+ 672", "3,9 %"],
        ["12", "Huyện Vân Hồ", "61.435", "2.308", "+ 741", "3,8 %"],
        ["13", "Số thuê bao chưa xác định được huyện", "", "27", "+ 12", ""],
        ["14", "TOÀN TỈNH", "1.248.415", "84.126", "+ 19.867", "6,74 %"],
    ];

    [Fact]
    public async Task Annex_of_17_August_reproduces_the_dispatch_table_with_corrected_figures()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var response = await client.GetAsync(new Uri("/annex?date=2020-08-17&compare=2020-08-12", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);

        var annex = page.QuerySelector("[data-testid=annex]")!;
        Assert.Equal("THỐNG KÊ TÌNH HÌNH TRIỂN KHAI SỬ DỤNG ỨNG DỤNG BLUEZONE", annex.QuerySelector("h1")!.Text());
        Assert.Equal("Tính đến ngày 17/8/2020", annex.QuerySelector(".as-of")!.Text());
        Assert.Equal("(Kèm theo Công văn số: /STTTT-TTBCXB ngày 17/8/2020 của Sở TT&TT)", annex.QuerySelector(".attachment")!.Text());
        var headers = annex.QuerySelectorAll("thead th").Select(h => h.Text()).ToArray();
        Assert.Equal(
            ["TT", "Huyện, Thành phố", "Dân số", "Số Bluezone đã đăng ký số điện thoại", "So với ngày 12/8/2020", "Tỷ lệ Bluezone đã đăng ký số điện thoại/Dân số"],
            headers);
        var rows = annex.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.Text()).ToArray()).ToArray();
        Assert.Equal(Expected, rows);
    }

    [Fact]
    public async Task Annex_defaults_to_the_latest_snapshot_compared_with_the_one_before()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/annex", UriKind.Relative)));
        Assert.Equal("Tính đến ngày 17/8/2020", page.QuerySelector(".as-of")!.Text());
        Assert.Contains("So với ngày 12/8/2020", page.QuerySelectorAll("thead th").Select(h => h.Text()));
    }

    [Theory]
    [InlineData("/annex?date=2020-08-13", "Không có số liệu cho ngày 13/8/2020.")]
    [InlineData("/annex?date=17-08-2020", "không đúng định dạng")]
    [InlineData("/annex?date=2020-08-12&compare=2020-08-17", "phải trước ngày báo cáo")]
    public async Task Bad_dates_get_a_message_and_a_400(string url, string message)
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vietnamese_is_written_as_letters_not_entities()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var html = await client.GetStringAsync(new Uri("/annex", UriKind.Relative));
        Assert.Contains("TOÀN TỈNH", html, StringComparison.Ordinal);
        // Letters beyond ASCII (ỉ is U+1EC9) must not become entities; "+" as &#x2B; is harmless.
        Assert.DoesNotMatch(@"&#x[0-9A-Fa-f]{3,};", html);
    }
}
