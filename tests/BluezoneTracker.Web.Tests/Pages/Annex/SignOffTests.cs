using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Pages.Annex;

public sealed class SignOffTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task A_date_not_signed_off_is_a_draft_until_a_director_signs_it()
    {
        var director = await factory.ClientForAsync(Roles.Director);
        var draft = await Html.ParseAsync(await director.GetAsync(new Uri("/annex?date=2020-08-17", UriKind.Relative)));
        Assert.Equal("BẢN NHÁP", draft.QuerySelector("[data-testid=draft-mark]")!.Text());
        Assert.Null(draft.QuerySelector("[data-testid=approved]"));

        var signed = await director.SubmitAsync("/annex/signoff?date=2020-08-17", "[data-testid=signoff-form]");
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal("/annex", signed.RequestMessage!.RequestUri!.AbsolutePath);

        var page = await Html.ParseAsync(signed);
        Assert.Null(page.QuerySelector("[data-testid=draft-mark]"));
        Assert.StartsWith("Đã duyệt: Kiểm thử Director, ", page.QuerySelector("[data-testid=approved]")!.Text(), StringComparison.Ordinal);
        var audit = Assert.Single(await factory.AuditAsync(AuditKinds.SignedOff), a => a.Subject == "14 2020-08-17");
        Assert.Equal("test-director", audit.UserName);

        // A Viewer sees the same official annex and no sign-off button.
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        var seen = await Html.ParseAsync(await viewer.GetAsync(new Uri("/annex?date=2020-08-17", UriKind.Relative)));
        Assert.NotNull(seen.QuerySelector("[data-testid=approved]"));
        Assert.Null(seen.QuerySelector("[data-testid=signoff-link]"));
    }

    [Fact]
    public async Task A_new_revision_of_a_signed_date_leaves_the_signed_annex_and_offers_the_new_one_as_a_draft()
    {
        var director = await factory.ClientForAsync(Roles.Director);
        await director.SubmitAsync("/annex/signoff?date=2020-08-12", "[data-testid=signoff-form]");
        await factory.AddRevisionAsync(new DateOnly(2020, 8, 12));

        var page = await Html.ParseAsync(await director.GetAsync(new Uri("/annex?date=2020-08-12", UriKind.Relative)));
        Assert.Null(page.QuerySelector("[data-testid=draft-mark]"));
        Assert.Contains("Số liệu đã thay đổi sau khi duyệt", page.QuerySelector("[data-testid=changed-after-signoff]")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=signoff-again-link]"));

        var draft = await Html.ParseAsync(await director.GetAsync(new Uri("/annex?date=2020-08-12&draft=true", UriKind.Relative)));
        Assert.Equal("BẢN NHÁP", draft.QuerySelector("[data-testid=draft-mark]")!.Text());
        Assert.StartsWith("Lần nhập 1 đã được duyệt (Kiểm thử Director, ", draft.QuerySelector("[data-testid=superseded]")!.Text(), StringComparison.Ordinal);
        Assert.EndsWith("nhưng đã bị thay thế bởi lần nhập 2.", draft.QuerySelector("[data-testid=superseded]")!.Text(), StringComparison.Ordinal);
    }
}

public sealed class DraftMarkOnDownloads(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task Excel_and_pdf_say_BAN_NHAP_until_the_date_is_signed_off_and_then_who_signed()
    {
        var director = await factory.ClientForAsync(Roles.Director);

        var (sheetMark, pdfWords) = await DownloadAsync(director);
        Assert.Equal("BẢN NHÁP", sheetMark);
        Assert.True(Reports.PdfText.IndexOf(pdfWords, Reports.PdfText.Words("BẢN NHÁP")) >= 0, "The draft PDF lacks BẢN NHÁP.");

        await director.SubmitAsync("/annex/signoff?date=2020-08-17", "[data-testid=signoff-form]");

        var (signedMark, signedWords) = await DownloadAsync(director);
        Assert.Equal(string.Empty, signedMark);
        Assert.Equal(-1, Reports.PdfText.IndexOf(signedWords, Reports.PdfText.Words("BẢN NHÁP")));
        Assert.True(Reports.PdfText.IndexOf(signedWords, Reports.PdfText.Words("Đã duyệt: Kiểm thử Director,")) >= 0, "The signed PDF does not say who signed.");
    }

    private static async Task<(string SheetMark, List<string> PdfWords)> DownloadAsync(HttpClient client)
    {
        var xlsx = await client.GetByteArrayAsync(new Uri("/annex.xlsx?date=2020-08-17", UriKind.Relative));
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(xlsx));
        var mark = book.Worksheet(1).Cell(Web.Reports.AnnexExcel.DraftRow, 1).GetString();
        var pdf = await client.GetByteArrayAsync(new Uri("/annex.pdf?date=2020-08-17", UriKind.Relative));
        return (mark, [.. Reports.PdfText.Pages(pdf).SelectMany(p => p)]);
    }
}

public sealed class RevisingASignedOffDate(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task Staff_cannot_revise_a_signed_off_date_a_director_can_and_the_revision_is_audited()
    {
        var director = await factory.ClientForAsync(Roles.Director);
        await director.SubmitAsync("/annex/signoff?date=2020-08-17", "[data-testid=signoff-form]");
        var before = await factory.AuditAsync(AuditKinds.RevisionAdded);

        var staff = await factory.ApiClientAsync(Roles.Staff);
        var refused = await staff.PostAsync(new Uri("/api/snapshots/2020-08-17?reason=Sửa", UriKind.Relative), Counts());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("\"kind\":\"SignedOffDate\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before.Count, (await factory.AuditAsync(AuditKinds.RevisionAdded)).Count);

        var directorApi = await factory.ApiClientAsync(Roles.Director);
        var saved = await directorApi.PostAsync(new Uri("/api/snapshots/2020-08-17?reason=Sửa", UriKind.Relative), Counts());
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var audit = (await factory.AuditAsync(AuditKinds.RevisionAdded))[^1];
        Assert.Equal("14 2020-08-17", audit.Subject);
        Assert.Equal("api-director", audit.UserName);
        Assert.Contains("\"Number\":1", audit.Before, StringComparison.Ordinal);
        Assert.Contains("\"Number\":2", audit.After, StringComparison.Ordinal);
        Assert.Contains("\"Source\":\"Api\"", audit.After, StringComparison.Ordinal);
        Assert.Contains("\"116\":", audit.After, StringComparison.Ordinal);

        // The signed annex stays as signed; the new revision is offered as a draft to sign again.
        var page = await Html.ParseAsync(await director.GetAsync(new Uri("/annex?date=2020-08-17", UriKind.Relative)));
        Assert.Null(page.QuerySelector("[data-testid=draft-mark]"));
        Assert.NotNull(page.QuerySelector("[data-testid=changed-after-signoff]"));
        var draft = await Html.ParseAsync(await director.GetAsync(new Uri("/annex?date=2020-08-17&draft=true", UriKind.Relative)));
        Assert.Equal("BẢN NHÁP", draft.QuerySelector("[data-testid=draft-mark]")!.Text());
        Assert.NotNull(draft.QuerySelector("[data-testid=superseded]"));
    }

    private static ByteArrayContent Counts()
    {
        var body = new ByteArrayContent(Tests.Snapshots.IntakeClient.Corpus("template-utf8-bom-comma.csv"));
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return body;
    }
}

/// <summary>
/// A fresh user's trial (round 10): <c>/api/annex</c> of a signed date answered the signed copy with nothing saying so,
/// while a newer revision had changed a count. Its <c>signOff</c> says which annex it is.
/// </summary>
public sealed class SignOffInTheAnnexJson(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task The_json_says_draft_or_signed_which_revision_and_how_many_cells_changed_since()
    {
        var director = await factory.ClientForAsync(Roles.Director);
        async Task<System.Text.Json.JsonElement> SignOffOfAsync(string url)
        {
            var response = await director.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("signOff").Clone();
        }

        var unsigned = await SignOffOfAsync("/api/annex?date=2020-08-12");
        Assert.Equal("draft", unsigned.GetProperty("status").GetString());
        Assert.Equal(1, unsigned.GetProperty("revision").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unsigned.GetProperty("signedRevision").ValueKind);

        await director.SubmitAsync("/annex/signoff?date=2020-08-12", "[data-testid=signoff-form]");
        var signed = await SignOffOfAsync("/api/annex?date=2020-08-12");
        Assert.Equal("signed", signed.GetProperty("status").GetString());
        Assert.Equal(0, signed.GetProperty("changedCells").GetInt32());
        Assert.Equal("Kiểm thử Director", signed.GetProperty("signedBy").GetString());

        await factory.AddRevisionAsync(new DateOnly(2020, 8, 12));
        var stale = await SignOffOfAsync("/api/annex?date=2020-08-12");
        Assert.Equal("signed", stale.GetProperty("status").GetString());
        Assert.Equal(1, stale.GetProperty("revision").GetInt32());
        Assert.True(stale.GetProperty("changedCells").GetInt32() > 0);

        var draft = await SignOffOfAsync("/api/annex?date=2020-08-12&draft=true");
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(2, draft.GetProperty("revision").GetInt32());
        Assert.Equal(1, draft.GetProperty("signedRevision").GetInt32());
        Assert.EndsWith("nhưng đã bị thay thế bởi lần nhập 2.", draft.GetProperty("line").GetString(), StringComparison.Ordinal);
    }
}
