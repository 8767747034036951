using System.Net;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;

namespace BluezoneTracker.Web.Tests.Pages.Snapshots;

public sealed class UploadPreviewAndConfirmTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Preview_shows_each_row_matched_and_nothing_is_saved_until_confirmed()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var before = await IntakeClient.StoreFingerprintAsync(_factory);
        var (response, page) = await IntakeClient.PreviewAsync(client, "18/8/2020", "so-lieu.csv", IntakeClient.Corpus("names-without-diacritics-prefixes.csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mocChau = page.QuerySelector("[data-testid=preview-rows] tr[data-code='123']")!.Text();
        Assert.Equal("3 H. Moc Chau Huyện Mộc Châu theo tên (bỏ qua dấu, hoa thường, tiền tố) 11.446 + 100", mocChau);
        Assert.Equal("85.329", page.QuerySelector("[data-testid=preview-total]")!.Text());
        Assert.NotNull(page.QuerySelector("[data-testid=confirm-form]"));
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(_factory));

        var confirmed = await IntakeClient.ConfirmAsync(client, page);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var history = await Html.ParseAsync(confirmed);
        Assert.Equal("/snapshots/2020-08-18", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Đã lưu bản #1.", history.QuerySelector("[data-testid=saved]")!.Text());
        Assert.Equal("Tệp tải lên – so-lieu.csv", history.QuerySelector("[data-testid=source]")!.Text());
        // The acting user of a revision is the person signed in.
        Assert.Equal("test-staff", history.QuerySelector("[data-testid=who]")!.Text());

        // The annex of the new date now comes from the new counts.
        var annex = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/annex?date=2020-08-18", UriKind.Relative))).RootElement;
        Assert.Equal(85329, annex.GetProperty("total").GetProperty("registrations").GetInt64());
        Assert.Equal(1203, annex.GetProperty("total").GetProperty("change").GetInt64());
        var dashboard = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)));
        Assert.Equal("85.329", dashboard.QuerySelector("[data-testid=total-registrations]")!.Text());
    }

    [Fact]
    public async Task The_kept_file_downloads_byte_for_byte()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var bytes = IntakeClient.Corpus("template-numbers.xlsx");
        var (_, page) = await IntakeClient.PreviewAsync(client, "2020-08-18", "template-numbers.xlsx", bytes);
        var history = await Html.ParseAsync(await IntakeClient.ConfirmAsync(client, page));

        var link = history.QuerySelector("[data-testid=file-link]")!;
        Assert.Equal("template-numbers.xlsx", link.Text());
        var download = await client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Warnings_must_be_confirmed_before_saving()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var (_, page) = await IntakeClient.PreviewAsync(client, "2020-08-18", "annex.csv", IntakeClient.Corpus("annex-typed-title-rows.csv"));
        Assert.Contains("Tổng ghi trong tệp là 84.124, khác tổng các dòng là 84.126.", page.QuerySelector("[data-testid=warnings]")!.Text(), StringComparison.Ordinal);
        var typedTotal = page.QuerySelectorAll("[data-testid=warnings] li").Single(li => li.Text().Contains("Tổng ghi trong tệp", StringComparison.Ordinal));
        Assert.Equal("Kiểm tra từng dòng của tệp: có dòng bị thiếu, thừa hoặc đọc sai không.", typedTotal.QuerySelector(".warning-hint")!.Text());

        var unconfirmed = await Html.ParseAsync(await IntakeClient.ConfirmAsync(client, page));
        Assert.Contains("Hãy đánh dấu ô xác nhận", unconfirmed.QuerySelector("[data-testid=problems]")!.Text(), StringComparison.Ordinal);
        Assert.Null(await RevisionOf(client, "2020-08-18"));

        var confirmed = await IntakeClient.ConfirmAsync(client, unconfirmed, confirmWarnings: true);
        Assert.Equal("/snapshots/2020-08-18", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task The_same_file_sent_again_is_recognised()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var bytes = IntakeClient.Corpus("template-utf8-bom-comma.csv");
        var (_, first) = await IntakeClient.PreviewAsync(client, "2020-08-18", "a.csv", bytes);
        await IntakeClient.ConfirmAsync(client, first);

        var (_, again) = await IntakeClient.PreviewAsync(client, "2020-08-16", "b.csv", bytes);
        Assert.Equal("Tệp này (cùng nội dung) đã được nhập trước đây: ngày 18/8/2020, bản #1", again.QuerySelector("[data-testid=duplicate-file]")!.Text());
    }

    private static async Task<string?> RevisionOf(HttpClient client, string date)
    {
        var response = await client.GetAsync(new Uri($"/snapshots/{date}", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadAsStringAsync();
    }
}
