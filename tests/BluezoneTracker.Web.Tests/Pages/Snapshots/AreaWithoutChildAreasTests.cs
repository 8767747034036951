using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Pages.Snapshots;

/// <summary>
/// A district without communes (Mộc Châu in the Sơn La seed) has no counts table: its count is its row in the
/// province's table. Its staff are offered no intake, are told where the count is entered, get no link that 403s,
/// and its list of dates shows the days the dashboard shows (#11, a fresh user's trial).
/// </summary>
public sealed class AreaWithoutChildAreasTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Uri At(string path) => new(path, UriKind.Relative);

    private const string EnteredByParent =
        "Huyện Mộc Châu không có xã, phường, thị trấn trực thuộc nên không nhập số liệu ở đây: số của Huyện Mộc Châu do cán bộ của Tỉnh Sơn La nhập trong bảng số liệu của Tỉnh Sơn La.";

    /// <summary>A signed-in client of an account with <paramref name="role"/> assigned to Mộc Châu (as the demo's canbo.mocchau).</summary>
    private async Task<HttpClient> MocChauClientAsync(string role)
    {
        var userName = "leaf-" + role.ToLowerInvariant();
        await _factory.EnsureUserAsync(userName, role, SignedInClients.Password);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var area = await db.Areas.SingleAsync(a => a.Code == AreaFixture.MocChau);
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            user.AreaId = area.Id;
            await db.SaveChangesAsync();
        }

        return await _factory.SignInAsync(userName, SignedInClients.Password);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/annex")]
    [InlineData("/snapshots")]
    [InlineData("/snapshots/new")]
    [InlineData("/snapshots/upload")]
    [InlineData("/areas/123/snapshots")]
    [InlineData("/snapshots/2020-08-17")]
    [InlineData("/snapshots/2020-08-15")]
    public async Task Its_staff_are_offered_no_intake_and_no_link_that_is_refused(string path)
    {
        var client = await MocChauClientAsync(Roles.Staff);
        var page = await Html.ParseAsync(await client.GetAsync(At(path)));

        Assert.Null(page.QuerySelector("[data-testid=nav-intake]"));
        Assert.DoesNotContain(page.QuerySelectorAll("main a, nav a"), a => a.Text().Trim() is "Nhập số liệu" or "Tải lên tệp" or "Hoặc tải lên tệp CSV/Excel" or "Nhập số liệu cho ngày này" or "Xem phụ lục ngày này");
        Assert.Null(page.QuerySelector("[data-testid=upload-form]"));
        Assert.Null(page.QuerySelector("[data-testid=grid]"));

        // Every link on the page answers (no 403 and no 404) for this very account.
        var links = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Where(h => h.StartsWith('/') && !h.Contains(".xlsx", StringComparison.Ordinal) && !h.Contains(".pdf", StringComparison.Ordinal) && !h.Contains(".csv", StringComparison.Ordinal))
            .Distinct();
        foreach (var href in links)
        {
            var status = (await client.GetAsync(At(href))).StatusCode;
            Assert.True(status == HttpStatusCode.OK, $"{path}: the link {href} answers {(int)status}.");
        }
    }

    [Theory]
    [InlineData("/snapshots/new")]
    [InlineData("/snapshots/upload")]
    [InlineData("/snapshots")]
    [InlineData("/snapshots/2020-08-17")]
    public async Task Where_counts_would_be_entered_one_sentence_says_who_enters_them_and_where(string path)
    {
        var client = await MocChauClientAsync(Roles.Staff);
        var page = await Html.ParseAsync(await client.GetAsync(At(path)));

        var noTable = page.QuerySelector("[data-testid=no-table]")!;
        Assert.Equal(EnteredByParent, noTable.Text().Trim());
        Assert.Null(noTable.QuerySelector("a"));
        Assert.Null(page.QuerySelector("a[href*='template']"));
    }

    [Fact]
    public async Task Its_staff_are_offered_no_API_token_since_a_token_could_write_nothing()
    {
        // Its own menu (kept pages fetch it from /account/menu) and a page never kept (the password page).
        var district = await MocChauClientAsync(Roles.Staff);
        foreach (var path in new[] { "/account/menu", "/account/password" })
        {
            var page = await Html.ParseAsync(await district.GetAsync(At(path)));
            Assert.NotNull(page.QuerySelector("[data-testid=change-password]"));
            Assert.Null(page.QuerySelector("a[href$='/account/tokens']"));
        }

        // The province's staff keep it.
        var province = await _factory.ClientForAsync(Roles.Staff);
        var menu = await Html.ParseAsync(await province.GetAsync(At("/account/menu")));
        Assert.NotNull(menu.QuerySelector("a[href$='/account/tokens']"));
    }

    [Fact]
    public async Task Its_staff_see_and_revoke_their_earlier_tokens_but_create_none()
    {
        // Round 9's trial: canbo.mocchau got a 403 on the token page and could not revoke the tokens it made before its
        // area lost its table (or before the rule). A token made then, as the store may hold it:
        var district = await MocChauClientAsync(Roles.Staff);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Web.Data.Entities.AppUser>>();
            var user = await users.FindByNameAsync("leaf-staff");
            await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user!, "phan-mem-cu", 30);
        }

        // The link is offered while the token is in force, and the page lists it with its revoke button.
        Assert.NotNull((await Html.ParseAsync(await district.GetAsync(At("/account/menu")))).QuerySelector("a[href$='/account/tokens']"));
        var response = await district.GetAsync(At("/account/tokens"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Huyện Mộc Châu không có bảng số liệu riêng", page.QuerySelector("[data-testid=no-create]")!.Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Create']"));
        Assert.Equal("phan-mem-cu", page.QuerySelector("[data-testid=tokens] tbody td")!.Text());

        var revoked = await district.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action*='handler=Revoke']")!);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(1, await _factory.QueryAsync(db => db.ApiTokens.CountAsync(t => t.RevokedAt != null)));
        Assert.Null((await Html.ParseAsync(await district.GetAsync(At("/account/menu")))).QuerySelector("a[href$='/account/tokens']"));

        // Creating stays refused, with the reason, and writes nothing.
        var creating = await district.PostAsync(At("/account/tokens?handler=Create"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = (await Html.ParseAsync(await district.GetAsync(At("/account/menu")))).AntiforgeryToken(),
            ["Input.Name"] = "phan-mem",
            ["Input.Days"] = "30",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, creating.StatusCode);
        Assert.Contains("không tạo được mã truy cập", (await Html.ParseAsync(creating)).QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.Equal(1, await _factory.QueryAsync(db => db.ApiTokens.CountAsync()));
    }

    [Fact]
    public async Task Province_staff_on_the_district_are_led_to_the_table_that_holds_its_count()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var page = await Html.ParseAsync(await client.GetAsync(At("/areas/123/snapshots/new")));

        Assert.Equal("/areas/14/snapshots/new", page.QuerySelector("[data-testid=parent-intake]")!.GetAttribute("href"));
        Assert.Equal("/areas/14/snapshots/new", page.QuerySelector("[data-testid=nav-intake]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Its_annex_names_the_parents_annex_without_a_link_the_account_may_not_follow()
    {
        var district = await MocChauClientAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await district.GetAsync(At("/annex")));
        Assert.Null(page.QuerySelector("[data-testid=parent-annex]"));
        Assert.Contains("Tỉnh Sơn La", page.QuerySelector("[data-testid=parent-annex-text]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync(At("/areas/14/annex"))).StatusCode);

        // A province reader may open it: the link is there.
        var province = await _factory.ClientForAsync(Roles.Viewer);
        var seen = await Html.ParseAsync(await province.GetAsync(At("/areas/123/annex")));
        Assert.Equal("/areas/14/annex", seen.QuerySelector("[data-testid=parent-annex]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Its_list_of_dates_shows_the_days_of_the_parents_table_as_the_dashboard_does()
    {
        var client = await MocChauClientAsync(Roles.Staff);
        var page = await Html.ParseAsync(await client.GetAsync(At("/areas/123/snapshots")));

        Assert.Null(page.QuerySelector("[data-testid=no-dates]"));
        var rows = page.QuerySelectorAll("[data-testid=dates] tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.Text().Trim()).ToArray()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["17/8/2020", "11.346", "—", "#1, bảng của Tỉnh Sơn La", "Bản nháp (Tỉnh Sơn La)"], rows[0]);
        Assert.Equal("13/8/2020 – 16/8/2020", rows[1][0]);
        Assert.Equal(["12/8/2020", "9.338", "—", "#1, bảng của Tỉnh Sơn La", "Bản nháp (Tỉnh Sơn La)"], rows[2]);

        // The dates are not links: the province's history would answer 403 for this account.
        Assert.Empty(page.QuerySelectorAll("[data-testid=dates] tbody a"));

        // The same counts as the district's own history on the dashboard.
        var dashboard = await Html.ParseAsync(await client.GetAsync(At("/areas/123/")));
        Assert.Contains("11.346", dashboard.QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_off_parent_date_shows_as_signed_in_the_districts_list()
    {
        var director = await _factory.ClientForAsync(Roles.Director);
        await director.SubmitAsync("/annex/signoff?date=2020-08-17", "[data-testid=signoff-form]");

        // Province staff: the list of dates is an intake page, and they may open the province's table.
        var client = await _factory.ClientForAsync(Roles.Staff);
        var page = await Html.ParseAsync(await client.GetAsync(At("/areas/123/snapshots")));
        var row = page.QuerySelector("[data-testid=parent-date-row][data-date='2020-08-17']")!;
        Assert.Equal("Đã duyệt (Tỉnh Sơn La)", row.QuerySelector("[data-testid=sign-off]")!.Text().Trim());
        Assert.Equal("/areas/14/snapshots/2020-08-17", row.QuerySelector("a")!.GetAttribute("href"));
    }
}
