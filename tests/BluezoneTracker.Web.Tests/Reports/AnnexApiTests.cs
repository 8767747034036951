using System.Net;
using System.Text;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Reports;

public sealed class AnnexApiTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task Annex_json_gives_numbers_and_exact_fractions()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var response = await client.GetAsync(new Uri("/api/annex?date=2020-08-17&compare=2020-08-12", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal("2020-08-17", root.GetProperty("date").GetString());
        Assert.Equal("2020-08-12", root.GetProperty("compareDate").GetString());
        Assert.Equal("14", root.GetProperty("area").GetProperty("code").GetString());
        Assert.Equal("Tỉnh Sơn La", root.GetProperty("area").GetProperty("name").GetString());

        var first = root.GetProperty("rows")[0];
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.Equal("116", first.GetProperty("code").GetString());
        Assert.Equal("Thành phố Sơn La", first.GetProperty("name").GetString());
        Assert.Equal(103392, first.GetProperty("population").GetInt64());
        Assert.Equal(21106, first.GetProperty("registrations").GetInt64());
        Assert.Equal(4024, first.GetProperty("change").GetInt64());
        Assert.Equal(21106m / 103392m, first.GetProperty("rate").GetDecimal());
        Assert.Equal(0, first.GetProperty("rankChange").GetInt32());

        Assert.Equal(27, root.GetProperty("unassigned").GetProperty("registrations").GetInt64());
        Assert.Equal(12, root.GetProperty("unassigned").GetProperty("change").GetInt64());
        var total = root.GetProperty("total");
        Assert.Equal(1248415, total.GetProperty("population").GetInt64());
        Assert.Equal(84126, total.GetProperty("registrations").GetInt64());
        Assert.Equal(19867, total.GetProperty("change").GetInt64());
        Assert.Equal(84126m / 1248415m, total.GetProperty("rate").GetDecimal());
        var warning = Assert.Single(root.GetProperty("warnings").EnumerateArray());
        Assert.Equal("PopulationMismatch", warning.GetProperty("kind").GetString());
        Assert.StartsWith("Theo thống kê, tính đến ngày 17/8/2020, toàn tỉnh Sơn La có 84.126 lượt", root.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/annex?date=2020-8-17", "MalformedDate")]
    [InlineData("/api/annex?date=2020-08-18", "UnknownDate")]
    [InlineData("/api/annex?date=2020-08-17&compare=2020-08-17", "CompareNotBefore")]
    [InlineData("/api/annex?date=2020-08-17&compare=2020-08-10", "UnknownCompareDate")]
    [InlineData("/api/annex?date=2020-08-17&compare=abc", "MalformedCompareDate")]
    [InlineData("/annex.csv?date=2020-02-30", "MalformedDate")]
    [InlineData("/annex.xlsx?date=2020-8-17", "MalformedDate")]
    [InlineData("/annex.xlsx?date=2020-08-18", "UnknownDate")]
    [InlineData("/annex.pdf?date=2020-08-17&compare=2020-08-17", "CompareNotBefore")]
    [InlineData("/annex.pdf?date=2020-08-17&compare=2020-08-10", "UnknownCompareDate")]
    [InlineData("/annex.pdf?date=2020-08-17&compare=abc&summary=true", "MalformedCompareDate")]
    [InlineData("/annex.pdf?date=2020-08-17&summary=maybe", "InvalidFlag")]
    public async Task Bad_dates_get_400_with_a_problem_body_instead_of_a_file(string url, string problem)
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(problem, json.RootElement.GetProperty("problem").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Annex_csv_is_utf8_with_bom_and_has_the_annex_rows()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var response = await client.GetAsync(new Uri("/annex.csv?date=2020-08-17&compare=2020-08-12", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Phu-luc-Bluezone-Tinh-Son-La-2020-08-17.csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(15, lines.Length);
        Assert.Equal("1,116,Thành phố Sơn La,103392,21106,4024,\"20,4 %\"", lines[1]);
        Assert.Equal("13,,Số thuê bao chưa xác định được huyện,,27,12,", lines[13]);
        Assert.Equal("14,14,TOÀN TỈNH,1248415,84126,19867,\"6,74 %\"", lines[14]);
    }
}

public sealed class StaticFileTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Theory]
    [InlineData("/css/site.css", "css/site.css")]
    [InlineData("/lib/bootstrap/dist/css/bootstrap.min.css", "lib/bootstrap/dist/css/bootstrap.min.css")]
    public async Task Stylesheets_from_the_top_level_wwwroot_are_served_whole(string url, string file)
    {
        // Stylesheets are public: the sign-in page needs them.
        var client = factory.AnonymousClient();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        var expected = new FileInfo(Path.Combine(RepositoryWwwroot(), file)).Length;
        Assert.True(expected > 0);
        Assert.Equal(expected, body.LongLength);
    }

    private static string RepositoryWwwroot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BluezoneTracker.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "wwwroot");
    }
}
