using System.Net;
using System.Net.Http.Headers;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Pages.Annex;

/// <summary>
/// A fresh user's trial (round 8, point 2): the annex of 18/8 signed against 17/8, opened against 12/8, said it was a
/// draft because "populations, targets or settings changed" — nothing had changed but the comparison.
/// </summary>
public sealed class SignedAnnexOtherComparisonTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Uri At(string path) => new(path, UriKind.Relative);

    /// <summary>Counts for 18/8 (a third date), then 18/8 signed off against its default comparison, 17/8.</summary>
    private async Task<HttpClient> SignedEighteenthAsync()
    {
        var api = await _factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(IntakeClient.Corpus("names-without-diacritics-prefixes.csv"));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync(At("/api/snapshots/2020-08-18"), body)).StatusCode);

        var director = await _factory.ClientForAsync(Roles.Director);
        var signed = await director.SubmitAsync("/annex/signoff?date=2020-08-18", "[data-testid=signoff-form]");
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.NotNull((await Html.ParseAsync(signed)).QuerySelector("[data-testid=approved]"));
        return director;
    }

    [Fact]
    public async Task The_signed_annex_asked_with_another_comparison_says_that_is_the_difference_and_links_to_the_signed_one()
    {
        var director = await SignedEighteenthAsync();

        var page = await Html.ParseAsync(await director.GetAsync(At("/annex?date=2020-08-18&compare=2020-08-12")));

        Assert.Equal("BẢN NHÁP", page.QuerySelector("[data-testid=draft-mark]")!.Text());
        var reason = page.QuerySelector("[data-testid=superseded]")!.Text();
        Assert.StartsWith("Bản đã duyệt (Kiểm thử Director, ", reason, StringComparison.Ordinal);
        Assert.EndsWith("là bản ngày 18/8/2020 so với ngày 17/8/2020; bản này so với ngày 12/8/2020, chỉ khác ở ngày so sánh.", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("đã thay đổi", reason, StringComparison.Ordinal);

        var link = page.QuerySelector("[data-testid=signed-annex-link]")!;
        var signed = await Html.ParseAsync(await director.GetAsync(At(link.GetAttribute("href")!)));
        Assert.Null(signed.QuerySelector("[data-testid=draft-mark]"));
        Assert.StartsWith("Đã duyệt: Kiểm thử Director, ", signed.QuerySelector("[data-testid=approved]")!.Text(), StringComparison.Ordinal);

        // The Excel and PDF files of the same view print the same reason.
        var xlsx = await director.GetByteArrayAsync(At("/annex.xlsx?date=2020-08-18&compare=2020-08-12"));
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(xlsx));
        Assert.Contains(book.Worksheet(1).CellsUsed(), c => c.GetString() == reason);
        var pdf = await director.GetByteArrayAsync(At("/annex.pdf?date=2020-08-18&compare=2020-08-12"));
        var words = Reports.PdfText.Pages(pdf).SelectMany(p => p).ToList();
        Assert.True(Reports.PdfText.IndexOf(words, Reports.PdfText.Words("chỉ khác ở ngày so sánh.")) >= 0, "The PDF does not give the comparison as the reason.");
        Assert.Equal(-1, Reports.PdfText.IndexOf(words, Reports.PdfText.Words("cài đặt đã thay đổi")));
    }

    [Fact]
    public async Task A_change_since_sign_off_seen_with_another_comparison_is_said_as_well()
    {
        var director = await SignedEighteenthAsync();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            // The province's population changes after the sign-off: the province row's rate of the signed comparison differs.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var province = await db.Areas.SingleAsync(a => a.Code == "14");
            db.Populations.Add(new PopulationEntity
            {
                AreaId = province.Id, EffectiveFrom = new DateOnly(2020, 1, 1), Population = 2_000_000, PopulationYear = 2020,
                PopulationSource = "Kiểm thử", RecordedAt = DateTimeOffset.UtcNow, RecordedBy = "test",
            });
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<DataVersion>().Bump();
        }

        var page = await Html.ParseAsync(await director.GetAsync(At("/annex?date=2020-08-18&compare=2020-08-12")));

        Assert.EndsWith("bản này so với ngày 12/8/2020, và dân số dùng để tính tỷ lệ cũng đã thay đổi sau khi duyệt.",
            page.QuerySelector("[data-testid=superseded]")!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/annex/signoff?date=2020-08-18")]
    [InlineData("/annex?date=2020-08-18&draft=true")]
    public async Task The_new_draft_of_an_unchanged_signed_annex_says_nothing_changed(string path)
    {
        // Round 8's second trial: the sign-off page reloaded after signing said the signed annex "differs … populations,
        // targets or settings changed" when nothing had.
        var director = await SignedEighteenthAsync();

        var line = (await Html.ParseAsync(await director.GetAsync(At(path)))).QuerySelector("[data-testid=superseded]")!.Text();

        Assert.StartsWith("Ngày này đã được duyệt (Kiểm thử Director, ", line, StringComparison.Ordinal);
        Assert.EndsWith("cho đúng bản đã duyệt, chưa có gì thay đổi.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("đã thay đổi", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agency_renamed_after_sign_off_is_a_change_on_the_signed_annex_and_on_its_new_draft()
    {
        // Round 8's second trial: the renamed agency was printed on the new draft, but the signed annex said nothing.
        var director = await SignedEighteenthAsync();
        var admin = await _factory.ClientForAsync(Roles.Admin);
        var saved = await admin.SubmitAsync("/admin/settings", "form[method=post]:not([action])", new Dictionary<string, string> { ["Input.AgencyName"] = "Sở Thông tin và Truyền thông tỉnh Sơn La (mới)" });
        Assert.True(saved.IsSuccessStatusCode, $"{saved.StatusCode}");

        var signed = await Html.ParseAsync(await director.GetAsync(At("/annex?date=2020-08-18")));
        Assert.NotNull(signed.QuerySelector("[data-testid=approved]"));
        var rows = signed.QuerySelectorAll("[data-testid=signoff-differences] tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.Text().Trim()).ToArray()).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(["Cài đặt", "Tên cơ quan", "Sở Thông tin và Truyền thông tỉnh Sơn La", "Sở Thông tin và Truyền thông tỉnh Sơn La (mới)"], row);

        var draft = (await Html.ParseAsync(await director.GetAsync(At("/annex?date=2020-08-18&draft=true")))).QuerySelector("[data-testid=superseded]")!.Text();
        Assert.EndsWith("khác với bản nháp này theo số liệu hiện tại (tên cơ quan hoặc ký hiệu văn bản đã thay đổi).", draft, StringComparison.Ordinal);
    }
}
