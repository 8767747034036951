using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
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
/// Round 9's fresh-user trial: a Director signs what they looked at. The annex of 18/8 viewed against 12/8 (not its
/// default, 17/8) opened the sign-off of the default comparison, with no way to sign the one viewed.
/// </summary>
public sealed class SignOffOfTheViewedAnnexTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Uri At(string path) => new(path, UriKind.Relative);

    /// <summary>Counts for 18/8, a third date, so that it has two dates to compare with (12/8 and its default 17/8).</summary>
    private async Task AddEighteenthAsync()
    {
        var api = await _factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(IntakeClient.Corpus("names-without-diacritics-prefixes.csv"));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync(At("/api/snapshots/2020-08-18"), body)).StatusCode);
    }

    [Fact]
    public async Task The_sign_off_button_of_an_annex_viewed_against_another_date_signs_that_annex_with_that_comparison()
    {
        await AddEighteenthAsync();
        var director = await _factory.ClientForAsync(Roles.Director);
        var viewed = await Html.ParseAsync(await director.GetAsync(At("/annex?date=2020-08-18&compare=2020-08-12")));

        var signOffPage = await director.GetAsync(At(viewed.QuerySelector("[data-testid=signoff-link]")!.GetAttribute("href")!));
        var page = await Html.ParseAsync(signOffPage);
        Assert.Equal("Bản này so với ngày 12/8/2020: duyệt là duyệt phụ lục với ngày so sánh này.", page.QuerySelector("[data-testid=signoff-comparison]")!.Text().Trim());
        Assert.Contains(page.QuerySelectorAll("[data-testid=signoff-annex] th"), th => th.Text() == "So với ngày 12/8/2020");

        var signed = await director.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("[data-testid=signoff-form]")!);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);

        // The annex viewed is the signed one; the default comparison (17/8) is now the other one.
        var asViewed = await Html.ParseAsync(await director.GetAsync(At("/annex?date=2020-08-18&compare=2020-08-12")));
        Assert.Null(asViewed.QuerySelector("[data-testid=draft-mark]"));
        Assert.StartsWith("Đã duyệt: Kiểm thử Director, ", asViewed.QuerySelector("[data-testid=approved]")!.Text(), StringComparison.Ordinal);
        var byDefault = await Html.ParseAsync(await director.GetAsync(At("/annex?date=2020-08-18")));
        Assert.Contains(byDefault.QuerySelectorAll("[data-testid=annex] th"), th => th.Text() == "So với ngày 12/8/2020");
        // Round 9's second trial: the "So với" field said "Lần thống kê trước" (17/8) over the signed table against 12/8.
        Assert.Equal("2020-08-12", ((IHtmlSelectElement)byDefault.QuerySelector("select#compare")!).Value);
        var other = await Html.ParseAsync(await director.GetAsync(At("/annex?date=2020-08-18&compare=2020-08-17")));
        Assert.EndsWith("là bản ngày 18/8/2020 so với ngày 12/8/2020; bản này so với ngày 17/8/2020, chỉ khác ở ngày so sánh.",
            other.QuerySelector("[data-testid=superseded]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_field_of_an_unsigned_annex_asked_without_one_says_the_previous_count()
    {
        await AddEighteenthAsync();
        var viewer = await _factory.ClientForAsync(Roles.Viewer);

        var byDefault = await Html.ParseAsync(await viewer.GetAsync(At("/annex?date=2020-08-18")));
        var againstTwelfth = await Html.ParseAsync(await viewer.GetAsync(At("/annex?date=2020-08-18&compare=2020-08-12")));

        Assert.Contains(byDefault.QuerySelectorAll("[data-testid=annex] th"), th => th.Text() == "So với ngày 17/8/2020");
        Assert.Equal(string.Empty, ((IHtmlSelectElement)byDefault.QuerySelector("select#compare")!).Value);
        Assert.Equal("2020-08-12", ((IHtmlSelectElement)againstTwelfth.QuerySelector("select#compare")!).Value);
    }

    [Fact]
    public async Task The_sign_off_page_opened_with_a_comparison_posts_it_back_and_links_to_the_annex_it_shows()
    {
        await AddEighteenthAsync();
        var director = await _factory.ClientForAsync(Roles.Director);

        var page = await Html.ParseAsync(await director.GetAsync(At("/annex/signoff?date=2020-08-18&compare=2020-08-12")));

        Assert.Equal("2020-08-12", page.QuerySelector("[data-testid=signoff-form] input[name=Compare]")!.GetAttribute("value"));
        Assert.Equal("/annex?date=2020-08-18&compare=2020-08-12", page.QuerySelector("[data-testid=signoff-annex-link]")!.GetAttribute("href"));
    }

    /// <summary>The sign-off form of 17/8 as the Director has it open.</summary>
    private async Task<(HttpClient Director, IHtmlFormElement Form)> OpenSignOffAsync()
    {
        var director = await _factory.ClientForAsync(Roles.Director);
        var page = await Html.ParseAsync(await director.GetAsync(At("/annex/signoff?date=2020-08-17")));
        return (director, (IHtmlFormElement)page.QuerySelector("[data-testid=signoff-form]")!);
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        return (await Html.ParseAsync(response)).QuerySelector("[data-testid=problem]")!.Text();
    }

    [Fact]
    public async Task A_population_changed_while_the_sign_off_page_was_open_is_named_as_the_change_not_the_counts()
    {
        var (director, form) = await OpenSignOffAsync();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
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

        var problem = await RefusalAsync(await director.SubmitAsync(form));

        Assert.Equal("Trong lúc trang duyệt đang mở, phụ lục ngày 17/8/2020 đã thay đổi: dân số dùng để tính tỷ lệ. Chưa duyệt gì; hãy xem lại bản mới rồi duyệt.", problem);
        Assert.DoesNotContain("số liệu", problem, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await _factory.AuditAsync(Audit.AuditKinds.SignedOff));
    }

    [Fact]
    public async Task An_agency_renamed_while_the_sign_off_page_was_open_is_named_as_such()
    {
        var (director, form) = await OpenSignOffAsync();
        var admin = await _factory.ClientForAsync(Roles.Admin);
        var saved = await admin.SubmitAsync("/admin/settings", "form[method=post]:not([action])", new Dictionary<string, string> { ["Input.AgencyName"] = "Sở Thông tin và Truyền thông tỉnh Sơn La (mới)" });
        Assert.True(saved.IsSuccessStatusCode, $"{saved.StatusCode}");

        Assert.Equal("Trong lúc trang duyệt đang mở, phụ lục ngày 17/8/2020 đã thay đổi: tên cơ quan hoặc ký hiệu văn bản. Chưa duyệt gì; hãy xem lại bản mới rồi duyệt.",
            await RefusalAsync(await director.SubmitAsync(form)));
    }

    [Fact]
    public async Task A_new_revision_while_the_sign_off_page_was_open_is_named_as_new_counts()
    {
        var (director, form) = await OpenSignOffAsync();
        await _factory.AddRevisionAsync(new DateOnly(2020, 8, 17));

        var refused = await director.SubmitAsync(form);
        Assert.Equal("Trong lúc trang duyệt đang mở, phụ lục ngày 17/8/2020 đã thay đổi: số liệu đăng ký (đã có lần nhập mới của ngày này). Chưa duyệt gì; hãy xem lại bản mới rồi duyệt.",
            await RefusalAsync(refused));

        // Round 9's second trial: the page after the 409 showed the new figures under the old revision, and pressing
        // again was refused again. It now carries the new revision, so the next press signs what it shows.
        var page = await Html.ParseAsync(refused);
        var newest = await _factory.QueryAsync(db => db.SnapshotRevisions.Where(r => r.Date == new DateOnly(2020, 8, 17)).MaxAsync(r => r.Number));
        Assert.Equal(newest.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("[data-testid=signoff-form] input[name=Revision]")!.GetAttribute("value"));
        Assert.Contains(page.QuerySelectorAll("p"), p => p.Text().StartsWith($"Ngày 17/8/2020, lần nhập {newest}.", StringComparison.Ordinal));
        var signed = await director.SubmitAsync((IHtmlFormElement)page.QuerySelector("[data-testid=signoff-form]")!);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Single(await _factory.AuditAsync(Audit.AuditKinds.SignedOff));
    }
}
