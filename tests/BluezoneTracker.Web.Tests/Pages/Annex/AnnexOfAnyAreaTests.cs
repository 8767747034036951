using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Reports;
using BluezoneTracker.Web.Tests.Data;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Scope;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Pages.Annex;

/// <summary>Reads the annex files of any area back: Excel cells by address, PDF words per page.</summary>
internal static class AnnexFiles
{
    public static Uri At(string path) => new(path, UriKind.Relative);

    public static async Task<Dictionary<string, string>> XlsxCellsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(At(url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        return book.Worksheet(1).CellsUsed().ToDictionary(c => c.Address.ToString()!, c => c.GetFormattedString());
    }

    public static async Task<IReadOnlyList<IReadOnlyList<string>>> PdfPagesAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(At(url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Reports.PdfText.Pages(await response.Content.ReadAsByteArrayAsync());
    }

    public static bool Has(IReadOnlyList<string> words, string text) => Reports.PdfText.IndexOf(words, Reports.PdfText.Words(text)) >= 0;
}

/// <summary>
/// Report settings per area (decision 065): a district's annex carries its own agency, place and signer, never
/// the province's; an admin of the area saves them on the area's settings page; the province's annex is untouched.
/// </summary>
public sealed class ReportSettingsPerAreaTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>Mộc Châu's communes with counts of 18/8/2020, so that the district has an annex of its own.</summary>
    private async Task MocChauWithCountsAsync()
    {
        await _factory.AddCommunesAsync();
        var staff = await _factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(AreaFixture.CommuneCsv(("Xã Chiềng Thử Một", 100), ("Xã Chiềng Thử Hai", 200), ("Thị trấn Thử Ba", 300)));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsync(AnnexFiles.At("/api/areas/123/snapshots/2020-08-18"), body)).StatusCode);
    }

    [Fact]
    public async Task A_district_annex_carries_its_own_agency_and_place_and_an_empty_signer_line_not_Son_La_s_director()
    {
        await MocChauWithCountsAsync();
        var client = await _factory.ClientForAsync(Roles.Viewer);

        var cells = await AnnexFiles.XlsxCellsAsync(client, "/areas/123/annex.xlsx");
        Assert.Equal("PHÒNG VĂN HÓA VÀ THÔNG TIN HUYỆN MỘC CHÂU", cells["A1"]);
        Assert.StartsWith("Mộc Châu, ngày 18 tháng 8 năm 2020", cells["C3"], StringComparison.Ordinal);
        Assert.Contains(cells.Values, v => v.Contains("của Phòng VH&TT)", StringComparison.Ordinal));
        Assert.Contains("TRƯỞNG PHÒNG", cells.Values);
        Assert.DoesNotContain(cells.Values, v => v.Contains("Nguyễn Đức Tĩnh", StringComparison.Ordinal) || v.Contains("SỞ THÔNG TIN", StringComparison.Ordinal));

        var pdf = (await AnnexFiles.PdfPagesAsync(client, "/areas/123/annex.pdf")).SelectMany(p => p).ToList();
        Assert.True(AnnexFiles.Has(pdf, "Mộc Châu, ngày 18 tháng 8 năm 2020"), "The PDF's date line is not the district's.");
        Assert.False(AnnexFiles.Has(pdf, "Nguyễn Đức Tĩnh"), "The district's PDF is signed by Sơn La's director.");

        var page = await Html.ParseAsync(await client.GetAsync(AnnexFiles.At("/areas/123/annex")));
        Assert.EndsWith("của Phòng VH&TT)", page.QuerySelector("[data-testid=annex]")!.TextContent.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("(Kèm theo", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_saves_a_district_s_settings_on_its_page_and_the_province_annex_stays_the_same()
    {
        await MocChauWithCountsAsync();
        var admin = await _factory.ClientForAsync(Roles.Admin);
        var province = await AnnexFiles.XlsxCellsAsync(admin, "/annex.xlsx?date=2020-08-17");

        var form = await Html.ParseAsync(await admin.GetAsync(AnnexFiles.At("/areas/123/admin/settings")));
        Assert.Contains("Huyện Mộc Châu", form.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("suy ra từ tên địa bàn", form.QuerySelector("[data-testid=settings-source]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(string.Empty, ((IHtmlInputElement)form.QuerySelector("#Input_SignerName")!).Value);
        var saved = await admin.SubmitAsync((IHtmlFormElement)form.QuerySelector("form[method=post]:not([action])")!, new Dictionary<string, string>
        {
            ["Input.AgencyName"] = "Ủy ban nhân dân huyện Mộc Châu",
            ["Input.AgencyShortName"] = "UBND huyện",
            ["Input.DocumentCode"] = "UBND",
            ["Input.SignerTitle"] = "CHỦ TỊCH",
            ["Input.SignerName"] = "Đinh Văn Thử",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("do quản trị viên đã lưu", (await Html.ParseAsync(saved)).QuerySelector("[data-testid=settings-source]")!.TextContent, StringComparison.Ordinal);

        var district = await AnnexFiles.XlsxCellsAsync(admin, "/areas/123/annex.xlsx");
        Assert.Equal("ỦY BAN NHÂN DÂN HUYỆN MỘC CHÂU", district["A1"]);
        Assert.Contains("Đinh Văn Thử", district.Values);
        Assert.Equal(province, await AnnexFiles.XlsxCellsAsync(admin, "/annex.xlsx?date=2020-08-17"));
        var provinceForm = await Html.ParseAsync(await admin.GetAsync(AnnexFiles.At("/admin/settings")));
        Assert.Equal("Sở Thông tin và Truyền thông tỉnh Sơn La", ((IHtmlInputElement)provinceForm.QuerySelector("#Input_AgencyName")!).Value);
    }

    [Fact]
    public async Task A_district_admin_edits_its_own_district_s_settings_and_is_refused_the_province_s()
    {
        const string UserName = "mocchau-settings-admin";
        await _factory.EnsureUserAsync(UserName, Roles.Admin, SignedInClients.Password);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Users.SingleAsync(u => u.UserName == UserName)).AreaId = (await db.Areas.SingleAsync(a => a.Code == AreaFixture.MocChau)).Id;
            await db.SaveChangesAsync();
        }

        var client = await _factory.SignInAsync(UserName, SignedInClients.Password);
        var own = await Html.ParseAsync(await client.GetAsync(AnnexFiles.At("/admin/settings")));
        Assert.Contains("Huyện Mộc Châu", own.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Phòng Văn hóa và Thông tin huyện Mộc Châu", ((IHtmlInputElement)own.QuerySelector("#Input_AgencyName")!).Value);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(AnnexFiles.At("/areas/14/admin/settings"))).StatusCode);
    }

    [Fact]
    public async Task A_district_without_communes_says_it_has_no_child_areas_and_links_to_its_province_annex()
    {
        var client = await _factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(AnnexFiles.At("/areas/123/annex")));

        Assert.Equal(
            "Huyện Mộc Châu không có xã, phường, thị trấn trực thuộc nên không có bảng số liệu riêng: số của Huyện Mộc Châu được nhập trong bảng của Tỉnh Sơn La.",
            page.QuerySelector("[data-testid=problem]")!.TextContent.Trim());
        Assert.Equal("/areas/14/annex", page.QuerySelector("[data-testid=parent-annex]")!.GetAttribute("href"));

        var pdf = await client.GetAsync(AnnexFiles.At("/areas/123/annex.pdf"));
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        using var json = JsonDocument.Parse(await pdf.Content.ReadAsStringAsync());
        Assert.Equal("NoChildAreas", json.RootElement.GetProperty("problem").GetString());
    }
}

/// <summary>
/// Decision 068: the comparison date a date was signed with is frozen with the signature. A date added later
/// between the two does not change the signed date's default comparison on its annex, its files or the dashboard.
/// </summary>
public sealed class SignedComparisonTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>Counts for 14/8/2020, between the seed's 12/8 and 17/8: the 12/8 counts plus 100 each.</summary>
    private async Task AddDateBetweenAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var earlier = await db.SnapshotRevisions.AsNoTracking().Include(r => r.Counts).SingleAsync(r => r.Area!.Code == "14" && r.Date == new DateOnly(2020, 8, 12));
        db.SnapshotRevisions.Add(new SnapshotRevisionEntity
        {
            AreaId = earlier.AreaId,
            Date = new DateOnly(2020, 8, 14),
            Number = 1,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "test",
            Source = RevisionSource.Form,
            Reason = "Bổ sung ngày còn thiếu",
            Unassigned = earlier.Unassigned,
            Counts = [.. earlier.Counts.Select(c => new SnapshotCountEntity { AreaId = c.AreaId, Registrations = c.Registrations + 100 })],
        });
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<DataVersion>().Bump();
    }

    [Fact]
    public async Task A_signed_date_still_compares_by_default_with_the_date_it_was_signed_with_after_a_date_is_added_between()
    {
        var director = await _factory.ClientForAsync(Roles.Director);
        var signing = await Html.ParseAsync(await director.GetAsync(AnnexFiles.At("/annex/signoff?date=2020-08-17")));
        Assert.Equal(HttpStatusCode.OK, (await director.SubmitAsync((IHtmlFormElement)signing.QuerySelector("[data-testid=signoff-form]")!)).StatusCode);

        await AddDateBetweenAsync();

        var annex = await Html.ParseAsync(await director.GetAsync(AnnexFiles.At("/annex?date=2020-08-17")));
        Assert.Equal("So với ngày 12/8/2020", annex.QuerySelectorAll("[data-testid=annex] thead th")[4].TextContent.Trim());
        Assert.Null(annex.QuerySelector("[data-testid=changed-after-signoff]"));
        var cells = await AnnexFiles.XlsxCellsAsync(director, "/annex.xlsx?date=2020-08-17");
        Assert.Contains("So với ngày 12/8/2020", cells.Values);

        var dashboard = await Html.ParseAsync(await director.GetAsync(AnnexFiles.At("/?date=2020-08-17")));
        Assert.Equal("+ 19.867", dashboard.QuerySelector("[data-testid=total-change]")!.TextContent.Trim());
        Assert.NotNull(dashboard.QuerySelector("[data-testid=signed-off]"));

        // The date added between is still there to compare with when asked for, as a draft of the current data.
        var asked = await Html.ParseAsync(await director.GetAsync(AnnexFiles.At("/annex?date=2020-08-17&compare=2020-08-14")));
        Assert.Equal("So với ngày 14/8/2020", asked.QuerySelectorAll("[data-testid=annex] thead th")[4].TextContent.Trim());
        // A date never signed takes the latest earlier date as before.
        var unsigned = await Html.ParseAsync(await director.GetAsync(AnnexFiles.At("/annex?date=2020-08-14")));
        Assert.Equal("So với ngày 12/8/2020", unsigned.QuerySelectorAll("[data-testid=annex] thead th")[4].TextContent.Trim());
    }
}

/// <summary>The national demo's annex files and the country's page: the ministry's own settings, synthetic figures said on every page, no fake zero.</summary>
public sealed class NationalAnnexTests(NationalDemoAppFactory factory) : IClassFixture<NationalDemoAppFactory>
{
    [Fact]
    public async Task Every_page_of_the_country_pdf_and_the_top_and_page_header_of_its_xlsx_say_the_figures_are_synthetic()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var pages = await AnnexFiles.PdfPagesAsync(client, "/annex.pdf?date=2020-08-17");
        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        Assert.All(pages, page => Assert.True(AnnexFiles.Has(page, AnnexExcel.SyntheticHeader), "A page of the PDF does not say its figures are made up."));

        var response = await client.GetAsync(AnnexFiles.At("/annex.xlsx?date=2020-08-17"));
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = book.Worksheet(1);
        Assert.Equal(AnnexNotes.SyntheticText, sheet.Cell(AnnexExcel.SyntheticRow, 1).GetString());
        Assert.Contains(AnnexExcel.SyntheticHeader, sheet.PageSetup.Header.Left.GetText(XLHFOccurrence.OddPages), StringComparison.Ordinal);

        // Sơn La's own annex under the country is real: no notice.
        var sonLa = await AnnexFiles.XlsxCellsAsync(client, "/areas/14/annex.xlsx?date=2020-08-17");
        Assert.False(sonLa.ContainsKey("A" + AnnexExcel.SyntheticRow));
        Assert.DoesNotContain(await AnnexFiles.PdfPagesAsync(client, "/areas/14/annex.pdf?date=2020-08-17"), p => AnnexFiles.Has(p, AnnexExcel.SyntheticHeader));
    }

    [Fact]
    public async Task The_country_annex_carries_the_ministry_and_Son_La_s_annex_its_department()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var country = await AnnexFiles.XlsxCellsAsync(client, "/annex.xlsx?date=2020-08-17");
        Assert.Equal("BỘ THÔNG TIN VÀ TRUYỀN THÔNG", country["A1"]);
        Assert.StartsWith("Hà Nội, ngày 17 tháng 8 năm 2020", country["C3"], StringComparison.Ordinal);
        Assert.DoesNotContain(country.Values, v => v.Contains("Nguyễn Đức Tĩnh", StringComparison.Ordinal));

        var sonLa = await AnnexFiles.XlsxCellsAsync(client, "/areas/14/annex.xlsx?date=2020-08-17");
        Assert.Equal("SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH SƠN LA", sonLa["A1"]);
    }

    [Fact]
    public async Task The_country_pacing_and_history_use_the_provinces_population_and_show_no_fake_zero()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(AnnexFiles.At("/?date=2020-08-17")));

        Assert.StartsWith("54.", page.QuerySelector("[data-testid=target-count]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotEqual("0", page.QuerySelector("[data-testid=remaining]")!.TextContent.Trim());
        Assert.EndsWith("chỉ tiêu", page.QuerySelector("[data-testid=target-progress]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=no-target-basis]"));
        var rates = page.QuerySelectorAll("[data-testid=history-table] tbody tr").Where(r => r.QuerySelectorAll("td").Length >= 5).Select(r => r.QuerySelectorAll("td")[3].TextContent.Trim()).ToList();
        Assert.Equal(["16,23 %", "12,98 %"], rates.Where(r => r != "—").ToList());
    }
}
