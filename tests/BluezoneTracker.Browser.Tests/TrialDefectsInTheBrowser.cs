using BluezoneTracker.Browser.Tests.Infrastructure;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace BluezoneTracker.Browser.Tests;

/// <summary>
/// What the staff of a district without communes sees (#11, a fresh user's trial, point 1): no intake offered,
/// at 1280 and 360 px, on every page the account may open.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DistrictWithoutCommunesInTheBrowser(BrowserFixture app)
{
    private const string Password = "Trinh-duyet@2020";

    /// <summary>A page signed in as a Staff account assigned to Huyện Mộc Châu (as the demo's canbo.mocchau).</summary>
    private async Task<IPage> MocChauStaffAsync(int width)
    {
        const string UserName = "browser-mocchau-staff";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(UserName) is null)
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var area = await db.Areas.SingleAsync(a => a.Code == "123");
                var user = new AppUser { UserName = UserName, DisplayName = UserName, AreaId = area.Id };
                await users.CreateAsync(user, Password);
                await users.AddToRoleAsync(user, Roles.Staff);
            }
        }

        var page = await app.NewPageAsync(width, role: null);
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#Input_UserName", UserName);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("[data-testid=signin-form] button[type=submit]");
        await page.WaitForDocumentNotAtAsync("/account/signin");
        return page;
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task Staff_of_a_district_without_communes_are_offered_no_intake_on_any_page(int width)
    {
        var page = await MocChauStaffAsync(width);
        foreach (var path in new[] { "/", "/annex", "/snapshots", "/snapshots/new", "/snapshots/upload" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, $"mocchau-staff{path.Replace('/', '-')}-{width}.png"), FullPage = true });

            // Open the folded menu on a phone: what a person can reach, not only what is drawn.
            if (width < 992)
            {
                await page.ClickAsync("[data-testid=menu-toggle]");
            }

            var visibleLinks = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('a, button')].filter(e => e.offsetParent !== null).map(e => e.textContent.trim())");
            Assert.DoesNotContain("Nhập số liệu", visibleLinks);
            Assert.DoesNotContain("Tải lên tệp", visibleLinks);
            Assert.DoesNotContain("Xem trước", visibleLinks);
            Assert.Equal(width, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        }

        // Where counts would be entered, one sentence says where and by whom.
        await page.GotoAsync("/snapshots/new");
        Assert.Contains("do cán bộ của Tỉnh Sơn La nhập trong bảng số liệu của Tỉnh Sơn La", await page.InnerTextAsync("[data-testid=no-table]"), StringComparison.Ordinal);

        // The annex names the province's annex without a link that would answer 403.
        await page.GotoAsync("/annex");
        Assert.Equal(0, await page.Locator("a[href*='/areas/14']").CountAsync());
        await page.Context.CloseAsync();
    }
}

/// <summary>The printed country annex of the national demo says on every page that its figures are made up (#11 trial, point 4).</summary>
[Collection(NationalBrowserCollection.Name)]
public sealed class SyntheticAnnexPrintedInTheBrowser(NationalBrowserFixture app)
{
    [Fact]
    public async Task Every_printed_page_of_the_country_annex_carries_the_synthetic_label()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/annex?date=2020-08-17&compare=2020-08-12", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        // As the browser's print dialog does: the page's own @page size (A4 landscape) and margins.
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ArtifactsFolder, "national-annex-printed.pdf"), pdf);

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))).ToList();
        Assert.True(pages.Count >= 2, $"The country annex printed on {pages.Count} page(s); 63 provinces need more than one.");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.True(pages[i].Contains("SỐ LIỆU MINH HỌA — không phải số liệu thật", StringComparison.Ordinal), $"Page {i + 1} has no synthetic label: {pages[i][..Math.Min(200, pages[i].Length)]}");
        }

        Assert.Contains("TOÀN QUỐC", pages[^1], StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_printed_annex_of_son_la_under_the_national_demo_carries_no_synthetic_label()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/areas/14/annex?date=2020-08-17&compare=2020-08-12", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });

        using var document = PdfDocument.Open(pdf);
        Assert.All(document.GetPages(), p => Assert.DoesNotContain("MINH HỌA", string.Join(' ', p.GetWords().Select(w => w.Text)), StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
