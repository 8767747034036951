using System.Net;
using AngleSharp.Html.Dom;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>
/// Round 10: the upload page still offered its form to Staff for a signed-off date, to be refused by the write later.
/// The page says why instead, with a chooser for another date; the write keeps its own check (decision 163).
/// </summary>
public sealed class UploadOnASignedOffDateTests : IDisposable
{
    private const string SignedOff = "Số liệu ngày 17/8/2020 đã được lãnh đạo duyệt thành phụ lục chính thức; chỉ Lãnh đạo hoặc Quản trị viên được sửa hay khôi phục số liệu của ngày đã duyệt, vì mỗi lần sửa sẽ tạo một phụ lục mới phải được duyệt lại.";

    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Uri At(string path) => new(path, UriKind.Relative);

    private async Task SignOffAsync() =>
        Assert.Equal(HttpStatusCode.OK, (await (await _factory.ClientForAsync(Roles.Director)).SubmitAsync("/annex/signoff?date=2020-08-17", "[data-testid=signoff-form]")).StatusCode);

    [Fact]
    public async Task Staff_choosing_a_signed_off_date_see_why_instead_of_the_form_and_can_choose_another_date()
    {
        await SignOffAsync();
        var staff = await _factory.ClientForAsync(Roles.Staff);

        var signed = await Html.ParseAsync(await staff.GetAsync(At("/snapshots/upload?date=2020-08-17")));
        Assert.Null(signed.QuerySelector("[data-testid=upload-form]"));
        Assert.Equal(SignedOff, signed.QuerySelector("[data-testid=signed-off-note]")!.Text().Trim());

        // Choosing another date with the page's own chooser opens the upload form for it.
        var chooser = (IHtmlFormElement)signed.QuerySelector("[data-testid=upload-date]")!;
        Assert.Equal("get", chooser.Method, ignoreCase: true);
        Assert.NotNull(chooser.QuerySelector("input[name=date]"));
        var other = await Html.ParseAsync(await staff.GetAsync(At("/snapshots/upload?date=2020-08-18")));
        Assert.Null(other.QuerySelector("[data-testid=signed-off-note]"));
        Assert.Equal("18/8/2020", other.QuerySelector("[data-testid=upload-form] input[name=Date]")!.GetAttribute("value"));

        var director = await Html.ParseAsync(await (await _factory.ClientForAsync(Roles.Director)).GetAsync(At("/snapshots/upload?date=2020-08-17")));
        Assert.NotNull(director.QuerySelector("[data-testid=upload-form]"));
        Assert.Null(director.QuerySelector("[data-testid=signed-off-note]"));
    }

    [Fact]
    public async Task A_file_sent_by_staff_for_a_signed_off_date_gets_the_reason_not_a_preview()
    {
        await SignOffAsync();
        var (response, page) = await IntakeClient.PreviewAsync(await _factory.ClientForAsync(Roles.Staff), "2020-08-17", "17-8.csv", IntakeClient.Corpus("template-utf8-bom-comma.csv"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(SignedOff, page.QuerySelector("[data-testid=signed-off-note]")!.Text().Trim());
        Assert.Null(page.QuerySelector("[data-testid=confirm-form]"));
    }

    [Fact]
    public async Task A_date_signed_off_after_the_preview_is_refused_by_the_write_itself_with_a_403()
    {
        var staff = await _factory.ClientForAsync(Roles.Staff);
        var (_, preview) = await IntakeClient.PreviewAsync(staff, "2020-08-17", "17-8.csv", IntakeClient.Corpus("template-utf8-bom-comma.csv"));
        await SignOffAsync();
        var before = await IntakeClient.StoreFingerprintAsync(_factory);

        var refused = await IntakeClient.ConfirmAsync(staff, preview, reason: "Sửa", confirmWarnings: true);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(SignedOff, (await Html.ParseAsync(refused)).QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(_factory));
    }
}
