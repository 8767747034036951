using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Scope;

/// <summary>
/// A district's intake pages, import messages and warnings name its children as communes ("xã"), not as the
/// province's districts ("huyện"), in Vietnamese and in English (#11, decision 045).
/// </summary>
public sealed class AreaWordingPagesTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Uri At(string path) => new(path, UriKind.Relative);

    private static async Task PostCommuneCountsAsync(HttpClient api)
    {
        using var body = new ByteArrayContent(AreaFixture.CommuneCsv(("Xã Chiềng Thử Một", 100), ("Xã Chiềng Thử Hai", 200), ("Thị trấn Thử Ba", 300)));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        var response = await api.PostAsync(At("/api/areas/123/snapshots/2020-08-18"), body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("", "Chỉ cập nhật các xã có trong tệp", "Thay thế cả ngày (xã không có trong tệp sẽ không còn số liệu)")]
    [InlineData("?culture=en-US", "Update only the communes in the file", "Replace the whole date (communes not in the file will have no count)")]
    public async Task The_district_upload_page_words_its_modes_by_commune(string query, string update, string replace)
    {
        await _factory.AddCommunesAsync();
        var client = await _factory.ClientForAsync(Roles.Staff);
        var page = await Html.ParseAsync(await client.GetAsync(At("/areas/123/snapshots/upload" + query)));
        var options = page.QuerySelectorAll("select[name=Mode] option").Select(o => o.Text()).ToList();
        Assert.Contains(update, options);
        Assert.Contains(replace, options);
        Assert.DoesNotContain("huyện", page.QuerySelector("form")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_province_upload_page_keeps_the_dispatch_words()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var page = await Html.ParseAsync(await client.GetAsync(At("/areas/14/snapshots/upload")));
        Assert.Contains("Chỉ cập nhật các huyện có trong tệp", page.QuerySelectorAll("select[name=Mode] option").Select(o => o.Text()));
    }

    [Fact]
    public async Task The_district_entry_page_for_a_date_with_counts_says_the_other_communes_are_kept()
    {
        await _factory.AddCommunesAsync();
        await PostCommuneCountsAsync(await _factory.ApiClientAsync(Roles.Staff));
        var client = await _factory.ClientForAsync(Roles.Staff);
        var page = await Html.ParseAsync(await client.GetAsync(At("/areas/123/snapshots/new?date=2020-08-18")));
        var notice = page.QuerySelector("[data-testid=editing-existing]")!.Text();
        Assert.Contains("các xã khác được giữ nguyên", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("huyện", page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_upload_with_an_unknown_row_names_a_commune_not_a_district()
    {
        await _factory.AddCommunesAsync();
        var client = await _factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(AreaFixture.CommuneCsv(("Xã Không Có", 100)));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        var response = await client.PostAsync(At("/api/areas/123/snapshots/2020-08-18"), body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Dòng 2: không tìm thấy xã \"Xã Không Có\".", json.RootElement.GetProperty("problems")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_district_dashboard_warns_about_its_communes_population()
    {
        await _factory.AddCommunesAsync();
        await PostCommuneCountsAsync(await _factory.ApiClientAsync(Roles.Staff));
        var client = await _factory.ClientForAsync(Roles.Viewer);
        var text = (await Html.ParseAsync(await client.GetAsync(At("/areas/123/")))).Body!.TextContent;
        Assert.Contains("Dân số các xã cộng lại là", text, StringComparison.Ordinal);
        Assert.Contains("Kiểm tra dân số các xã", text, StringComparison.Ordinal);
        Assert.DoesNotContain("các huyện", text, StringComparison.Ordinal);
    }
}
