using System.Net;
using AngleSharp.Html.Dom;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Tests.SignOffs;

/// <summary>
/// A signed annex is frozen: stored whole with the Director's dispatch details, and every later rendering (page,
/// Excel, PDF) reproduces it cell for cell whatever changed since; the change is listed and offered as a draft.
/// </summary>
public sealed class FrozenSignOffTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static readonly Dictionary<string, string> Dispatch = new()
    {
        ["Dispatch.Number"] = "1002",
        ["Dispatch.Date"] = "2020-08-18",
        ["Dispatch.Place"] = "Sơn La",
        ["Dispatch.SignerTitle"] = "GIÁM ĐỐC",
        ["Dispatch.SignerName"] = "Nguyễn Đức Tĩnh",
    };

    private Task<int> SignOffRowsAsync() => _factory.QueryAsync(db => db.SignOffs.CountAsync());

    private static async Task<List<string>> HtmlCellsAsync(HttpClient client, string url)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(url, UriKind.Relative)));
        return [.. page.QuerySelectorAll("[data-testid=annex] table tr").Select(r => string.Join(" | ", r.QuerySelectorAll("th,td").Select(c => c.Text())))];
    }

    private static async Task<List<string>> XlsxCellsAsync(HttpClient client)
    {
        var bytes = await client.GetByteArrayAsync(new Uri("/annex.xlsx?date=2020-08-17", UriKind.Relative));
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(bytes));
        return [.. book.Worksheet(1).CellsUsed().Select(c => $"{c.Address}={c.GetFormattedString()}")];
    }

    /// <summary>The PDF's words without the footer's generation time (the only thing that may differ).</summary>
    private static async Task<List<string>> PdfWordsAsync(HttpClient client, string url = "/annex.pdf?date=2020-08-17")
    {
        var pdf = await client.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        return [.. Reports.PdfText.Pages(pdf).SelectMany(p => p).Where(w => !System.Text.RegularExpressions.Regex.IsMatch(w, @"^\d{1,2}:\d{2}(:\d{2})?$"))];
    }

    [Fact]
    public async Task A_population_change_after_sign_off_leaves_the_signed_html_xlsx_and_pdf_identical_and_shows_the_change()
    {
        var director = await _factory.ClientForAsync(Roles.Director);
        var signing = await Html.ParseAsync(await director.GetAsync(new Uri("/annex/signoff?date=2020-08-17", UriKind.Relative)));
        Assert.Equal(14, signing.QuerySelectorAll("[data-testid=signoff-annex] tbody tr").Length);
        Assert.Equal("GIÁM ĐỐC", ((IHtmlInputElement)signing.QuerySelector("input[name='Dispatch.SignerTitle']")!).Value);
        var signed = await director.SubmitAsync((IHtmlFormElement)signing.QuerySelector("[data-testid=signoff-form]")!, Dispatch);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);

        var html = await HtmlCellsAsync(director, "/annex?date=2020-08-17");
        var xlsx = await XlsxCellsAsync(director);
        var pdf = await PdfWordsAsync(director);
        Assert.Contains("1 | Thành phố Sơn La | 103.392 | 21.106 | + 4.024 | 20,4 %", html);
        Assert.Contains(xlsx, c => c.Contains("Kèm theo Công văn số: 1002/STTTT-TTBCXB ngày 18/8/2020", StringComparison.Ordinal));
        Assert.True(Reports.PdfText.IndexOf(pdf, Reports.PdfText.Words("Số: 1002/STTTT-TTBCXB")) >= 0, "The PDF header lacks the dispatch number.");
        Assert.True(Reports.PdfText.IndexOf(pdf, Reports.PdfText.Words("Sơn La, ngày 18 tháng 8 năm 2020")) >= 0, "The PDF header lacks the dispatch date.");
        Assert.True(Reports.PdfText.IndexOf(pdf, Reports.PdfText.Words("Nguyễn Đức Tĩnh")) >= 0, "The PDF signer block lacks the signer.");

        // Right after signing nothing has changed: the dispatch number given at sign-off belongs to the signature,
        // so it is no difference from the settings' blank number (a fresh user's trial found this false alarm).
        var justSigned = await Html.ParseAsync(await director.GetAsync(new Uri("/annex?date=2020-08-17", UriKind.Relative)));
        Assert.Null(justSigned.QuerySelector("[data-testid=changed-after-signoff]"));

        // An administrator changes a district's population, and the report settings.
        var admin = await _factory.ClientForAsync(Roles.Admin);
        var edit = await admin.SubmitAsync("/admin/areas/116", "form[method=post]:not([action])", new Dictionary<string, string> { ["Input.Population"] = "110000", ["EffectiveFrom"] = "2020-08-17" });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.EndsWith("Phụ lục đã duyệt ngày 17/8/2020 sẽ khác nếu tính lại với số mới; các phụ lục này vẫn giữ nguyên như đã duyệt.",
            (await Html.ParseAsync(edit)).QuerySelector("[data-testid=saved]")!.Text(), StringComparison.Ordinal);
        // A new number in the settings only pre-fills the next dispatch: neither the signed annex nor its differences change.
        await admin.SubmitAsync("/admin/settings", "form[method=post]:not([action])", new Dictionary<string, string> { ["Input.DocumentNumber"] = "9999" });

        Assert.Equal(html, await HtmlCellsAsync(director, "/annex?date=2020-08-17"));
        Assert.Equal(xlsx, await XlsxCellsAsync(director));
        Assert.Equal(pdf, await PdfWordsAsync(director));

        var draft = await HtmlCellsAsync(director, "/annex?date=2020-08-17&draft=true");
        Assert.Contains(draft, r => r.Contains("Thành phố Sơn La | 110.000 | 21.106", StringComparison.Ordinal));
        var page = await Html.ParseAsync(await director.GetAsync(new Uri("/annex?date=2020-08-17", UriKind.Relative)));
        Assert.True(page.QuerySelector("[data-testid=changed-after-signoff]") is not null, page.QuerySelector("main")?.TextContent);
        Assert.Contains("Số liệu đã thay đổi sau khi duyệt", page.QuerySelector("[data-testid=changed-after-signoff]")!.Text(), StringComparison.Ordinal);
        var differences = page.QuerySelectorAll("[data-testid=signoff-differences] tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.Text()))).ToList();
        Assert.Equal(
            [
                "Thành phố Sơn La | Dân số | 103.392 | 110.000",
                "Thành phố Sơn La | Tỷ lệ Bluezone đã đăng ký số điện thoại/Dân số | 20,4 % | 19,2 %",
            ],
            differences);

        Assert.True(Reports.PdfText.IndexOf(await PdfWordsAsync(director, "/annex.pdf?date=2020-08-17&draft=true"), Reports.PdfText.Words("BẢN NHÁP")) >= 0);
    }

    [Fact]
    public async Task A_dispatch_date_before_the_as_of_date_is_refused_and_nothing_is_signed()
    {
        var director = await _factory.ClientForAsync(Roles.Director);
        var response = await director.SubmitAsync("/annex/signoff?date=2020-08-17", "[data-testid=signoff-form]",
            new Dictionary<string, string>(Dispatch) { ["Dispatch.Date"] = "2020-08-16" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Ngày công văn (16/8/2020) không được trước ngày số liệu (17/8/2020).", page.QuerySelector("[data-testid=problem]")!.Text());
        Assert.Equal(0, await SignOffRowsAsync());

        // Nor years ahead (a fresh user's trial signed a PDF dated 1/1/2099).
        var future = await director.SubmitAsync("/annex/signoff?date=2020-08-17", "[data-testid=signoff-form]",
            new Dictionary<string, string>(Dispatch) { ["Dispatch.Date"] = "2099-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.StartsWith("Ngày công văn (1/1/2099) không được sau ngày mai", (await Html.ParseAsync(future)).QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(0, await SignOffRowsAsync());
    }

    [Fact]
    public async Task A_sign_off_of_an_annex_that_changed_while_the_page_was_open_is_refused()
    {
        var director = await _factory.ClientForAsync(Roles.Director);
        var page = await Html.ParseAsync(await director.GetAsync(new Uri("/annex/signoff?date=2020-08-17", UriKind.Relative)));
        await _factory.AddRevisionAsync(new DateOnly(2020, 8, 17));
        var response = await director.SubmitAsync((IHtmlFormElement)page.QuerySelector("[data-testid=signoff-form]")!, Dispatch);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("đã thay đổi: số liệu đăng ký (đã có lần nhập mới của ngày này)", (await Html.ParseAsync(response)).QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(0, await SignOffRowsAsync());
    }

    [Fact]
    public async Task The_draft_pdf_of_the_sign_off_page_carries_the_typed_details_and_stores_nothing()
    {
        var director = await _factory.ClientForAsync(Roles.Director);
        var page = await Html.ParseAsync(await director.GetAsync(new Uri("/annex/signoff?date=2020-08-17", UriKind.Relative)));
        var form = (IHtmlFormElement)page.QuerySelector("[data-testid=signoff-form]")!;
        using var request = Forms.Request(form, Dispatch);
        request.RequestUri = new Uri("/annex/signoff?date=2020-08-17&handler=Draft", UriKind.Relative);
        var response = await director.SendAsync(request);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var words = Reports.PdfText.Pages(await response.Content.ReadAsByteArrayAsync()).SelectMany(p => p).ToList();
        Assert.True(Reports.PdfText.IndexOf(words, Reports.PdfText.Words("BẢN NHÁP")) >= 0);
        Assert.True(Reports.PdfText.IndexOf(words, Reports.PdfText.Words("Kèm theo Công văn số: 1002/STTTT-TTBCXB ngày 18/8/2020")) >= 0 || Reports.PdfText.IndexOf(words, Reports.PdfText.Words("1002/STTTT-TTBCXB")) >= 0);
        Assert.Equal(0, await SignOffRowsAsync());
    }

    [Fact]
    public async Task The_dashboard_of_a_signed_date_says_whether_its_figures_still_agree_with_the_signed_annex()
    {
        var director = await _factory.ClientForAsync(Roles.Director);
        Assert.Equal(HttpStatusCode.OK, (await director.SubmitAsync("/annex/signoff?date=2020-08-17", "[data-testid=signoff-form]", Dispatch)).StatusCode);

        var agreeing = await Html.ParseAsync(await director.GetAsync(new Uri("/?date=2020-08-17", UriKind.Relative)));
        Assert.StartsWith("✓ Phụ lục ngày 17/8/2020 đã được duyệt (", agreeing.QuerySelector("[data-testid=signed-off]")!.Text(), StringComparison.Ordinal);
        Assert.Null(agreeing.QuerySelector("[data-testid=changed-after-signoff]"));
        var signedTotal = agreeing.QuerySelector("[data-testid=total-registrations]")!.Text();
        var signedRate = agreeing.QuerySelector("[data-testid=total-rate]")!.Text();

        // A population change after sign-off: the dashboard shows current figures, and says it, with the signed ones.
        var admin = await _factory.ClientForAsync(Roles.Admin);
        await admin.SubmitAsync("/admin/areas/116", "form[method=post]:not([action])", new Dictionary<string, string> { ["Input.Population"] = "110000", ["EffectiveFrom"] = "2020-08-17" });
        var changed = await Html.ParseAsync(await director.GetAsync(new Uri("/?date=2020-08-17", UriKind.Relative)));
        Assert.Null(changed.QuerySelector("[data-testid=signed-off]"));
        var notice = changed.QuerySelector("[data-testid=changed-after-signoff]")!.Text();
        Assert.Contains("Số liệu đã thay đổi sau khi duyệt", notice, StringComparison.Ordinal);
        Assert.Contains($"với tổng số {signedTotal} lượt đăng ký, tỷ lệ {signedRate}.", notice, StringComparison.Ordinal);
        Assert.Contains("khác bản đã duyệt ở 2 ô.", notice, StringComparison.Ordinal);
        Assert.Equal("/annex?date=2020-08-17", changed.QuerySelector("[data-testid=signed-annex-link]")!.GetAttribute("href"));

        // Another date, never signed, says nothing about a sign-off.
        var other = await Html.ParseAsync(await director.GetAsync(new Uri("/?date=2020-08-12", UriKind.Relative)));
        Assert.Null(other.QuerySelector("[data-testid=signed-off]"));
        Assert.Null(other.QuerySelector("[data-testid=changed-after-signoff]"));
    }

    [Fact]
    public async Task The_sign_off_audit_row_reads_in_words_with_the_signers_real_role()
    {
        var director = await _factory.ClientForAsync(Roles.Director);
        Assert.Equal(HttpStatusCode.OK, (await director.SubmitAsync("/annex/signoff?date=2020-08-17", "[data-testid=signoff-form]", Dispatch)).StatusCode);

        var admin = await _factory.ClientForAsync(Roles.Admin);
        var page = await Html.ParseAsync(await admin.GetAsync(new Uri("/admin/audit?kind=SignedOff", UriKind.Relative)));
        var changes = page.QuerySelectorAll("[data-testid=audit-changes] li").Select(li => li.Text()).ToList();
        Assert.Contains("Vai trò: Lãnh đạo duyệt", changes);
        Assert.Contains("Công văn: 1002/STTTT-TTBCXB", changes);
        Assert.Contains("Ngày công văn: 18/8/2020", changes);
        Assert.Contains(changes, c => c.StartsWith("Người duyệt: ", StringComparison.Ordinal));
        Assert.DoesNotContain(changes, c => c.Contains("SignedBy", StringComparison.Ordinal) || c.Contains("Dispatch", StringComparison.Ordinal) || c.Contains("Viewer", StringComparison.Ordinal));
    }
}
