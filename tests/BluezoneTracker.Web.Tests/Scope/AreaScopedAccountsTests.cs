using System.Net;
using AngleSharp.Html.Dom;
using System.Net.Http.Headers;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Scope;

/// <summary>Accounts assigned to an area read and act in its subtree only (#11 point 5).</summary>
public sealed class AreaScopedAccountsTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Uri At(string path) => new(path, UriKind.Relative);

    /// <summary>A signed-in client of an account with <paramref name="role"/> assigned to Mộc Châu.</summary>
    private async Task<HttpClient> DistrictClientAsync(string role)
    {
        var userName = "mocchau-" + role.ToLowerInvariant();
        await AssignAsync(userName, role);
        return await _factory.SignInAsync(userName, SignedInClients.Password);
    }

    private async Task AssignAsync(string userName, string role)
    {
        await _factory.EnsureUserAsync(userName, role, SignedInClients.Password);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var area = await db.Areas.SingleAsync(a => a.Code == AreaFixture.MocChau);
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        user.AreaId = area.Id;
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Director)]
    [InlineData(Roles.Admin)]
    public async Task A_district_account_reads_its_district_and_is_refused_the_parent_and_a_sibling(string role)
    {
        var client = await DistrictClientAsync(role);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(At("/areas/123/"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(At("/"))).StatusCode);
        foreach (var path in new[] { "/areas/14/", "/areas/119/", "/areas/119/annex", "/?area=14", "/areas/14/annex.csv" })
        {
            var response = await client.GetAsync(At(path));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.Contains("Tài khoản này chỉ làm việc trong Huyện Mộc Châu", page.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_district_accounts_default_area_is_its_own()
    {
        var client = await DistrictClientAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(At("/")));
        Assert.Contains("Huyện Mộc Châu", page.QuerySelector("h1")!.Text(), StringComparison.Ordinal);

        // Its breadcrumbs name the province, without a link it could not follow.
        Assert.Empty(page.QuerySelectorAll("[data-testid=breadcrumbs] a"));
    }

    [Fact]
    public async Task A_district_token_posts_its_communes_and_is_refused_the_province_with_nothing_written()
    {
        await _factory.AddCommunesAsync();
        await AssignAsync("mocchau-api", Roles.Staff);
        await using var scope = _factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("mocchau-api");
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user!, "tests", 30);
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var before = await _factory.QueryAsync(db => db.SnapshotRevisions.CountAsync());
        using var province = new ByteArrayContent(IntakeCorpus());
        province.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        var refused = await client.PostAsync(At("/api/areas/14/snapshots/2020-08-18"), province);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Huyện Mộc Châu", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await _factory.QueryAsync(db => db.SnapshotRevisions.CountAsync()));

        using var communes = new ByteArrayContent(AreaFixture.CommuneCsv(("Xã Chiềng Thử Một", 1), ("Xã Chiềng Thử Hai", 2), ("Thị trấn Thử Ba", 3)));
        communes.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        var created = await client.PostAsync(At("/api/snapshots/2020-08-18"), communes);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, await _factory.QueryAsync(db => db.SnapshotRevisions.CountAsync(r => r.Area!.Code == AreaFixture.MocChau)));
    }

    [Fact]
    public async Task An_anonymous_reader_of_the_public_dashboard_keeps_the_deployment_area_and_is_sent_to_sign_in_elsewhere()
    {
        var client = _factory.AnonymousClient(followRedirects: false);
        var response = await client.GetAsync(At("/areas/119/"));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
    }

    private static byte[] IntakeCorpus() => Tests.Snapshots.IntakeClient.Corpus("names-utf8-semicolon-dotted.csv");
}

/// <summary>Administrators manage the accounts of their own subtree; the district demo account works in Mộc Châu.</summary>
public sealed class AccountsOfASubtreeTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Uri At(string path) => new(path, UriKind.Relative);

    private async Task<HttpClient> DistrictClientAsync(string role)
    {
        var userName = "mocchau-" + role.ToLowerInvariant();
        await AssignAsync(userName, role);
        return await _factory.SignInAsync(userName, SignedInClients.Password);
    }

    private async Task AssignAsync(string userName, string role)
    {
        await _factory.EnsureUserAsync(userName, role, SignedInClients.Password);
        await _factory.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            user.AreaId = (await db.Areas.SingleAsync(a => a.Code == AreaFixture.MocChau)).Id;
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task The_district_demo_account_opens_its_district_and_is_refused_the_province()
    {
        var client = await _factory.SignInAsync("canbo.mocchau", DemoAccounts.Password);
        var home = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)));
        Assert.Contains("Huyện Mộc Châu", home.QuerySelector("h1")!.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/areas/14/snapshots/new", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_district_admin_sees_and_creates_only_accounts_of_its_district()
    {
        await _factory.AddCommunesAsync();
        await _factory.EnsureUserAsync("qt-mocchau", Roles.Admin, SignedInClients.Password);
        await _factory.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "qt-mocchau");
            user.AreaId = (await db.Areas.SingleAsync(a => a.Code == AreaFixture.MocChau)).Id;
            return await db.SaveChangesAsync();
        });
        var admin = await _factory.SignInAsync("qt-mocchau", SignedInClients.Password);
        var page = await Html.ParseAsync(await admin.GetAsync(new Uri("/admin/users", UriKind.Relative)));
        var names = page.QuerySelectorAll("tbody tr td:first-child").Select(td => td.Text()).ToList();
        Assert.Contains("qt-mocchau", names);
        Assert.Contains("canbo.mocchau", names);
        Assert.DoesNotContain("quantri", names);
        var choices = page.QuerySelectorAll("[data-testid=user-area] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["123", "90001", "90002", "90003"], choices.Order(StringComparer.Ordinal));

        // The province's accounts are not managed here.
        var quantri = await _factory.QueryAsync(db => db.Users.Where(u => u.UserName == "quantri").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(new Uri($"/admin/users/{quantri}", UriKind.Relative))).StatusCode);
    }

    /// <summary>Posts the area form of <paramref name="userName"/>'s edit page as <paramref name="admin"/>.</summary>
    private async Task<HttpResponseMessage> MoveAsync(HttpClient admin, string userName, string areaCode)
    {
        var id = await _factory.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        var edit = await Html.ParseAsync(await admin.GetAsync(At($"/admin/users/{id}")));
        var form = (IHtmlFormElement)edit.QuerySelectorAll("form").First(f => f.GetAttribute("action")?.Contains("handler=Area", StringComparison.Ordinal) == true);
        return await admin.SubmitAsync(form, new Dictionary<string, string> { ["areaCode"] = areaCode });
    }

    [Fact]
    public async Task An_admin_moves_an_account_to_another_district_audited_by_name_and_its_old_session_ends()
    {
        await _factory.AddCommunesAsync();
        var moved = await DistrictClientAsync(Roles.Staff);
        Assert.Equal(HttpStatusCode.OK, (await moved.GetAsync(At("/areas/123/"))).StatusCode);
        var admin = await _factory.ClientForAsync(Roles.Admin);

        var done = await MoveAsync(admin, "mocchau-staff", AreaFixture.ThuanChau);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(AreaFixture.ThuanChau, await _factory.QueryAsync(db => db.Users.Where(u => u.UserName == "mocchau-staff").Select(u => u.Area!.Code).SingleAsync()));
        var entry = await _factory.QueryAsync(db => db.AuditLog.Where(e => e.Kind == AuditKinds.UserAreaChanged).SingleAsync());
        Assert.Equal("mocchau-staff", entry.Subject);
        Assert.Contains("Huyện Mộc Châu", entry.Before, StringComparison.Ordinal);
        Assert.Contains("Huyện Thuận Châu", entry.After, StringComparison.Ordinal);
        // The old cookie still names Mộc Châu: the renewed stamp ends that session at its next request.
        var after = await moved.GetAsync(At("/areas/123/"));
        var landed = after.Headers.Location?.OriginalString ?? after.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.True(landed.EndsWith("/account/signin", StringComparison.Ordinal), $"{(int)after.StatusCode} {landed}");
    }

    [Fact]
    public async Task A_district_admin_cannot_move_an_account_outside_the_district_and_nothing_changes()
    {
        await _factory.AddCommunesAsync();
        await AssignAsync("qt-mocchau", Roles.Admin);
        await AssignAsync("mocchau-staff", Roles.Staff);
        var admin = await _factory.SignInAsync("qt-mocchau", SignedInClients.Password);

        var refused = await MoveAsync(admin, "mocchau-staff", AreaFixture.ThuanChau);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("không thuộc phạm vi tài khoản bạn quản lý", (await Html.ParseAsync(refused)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AreaFixture.MocChau, await _factory.QueryAsync(db => db.Users.Where(u => u.UserName == "mocchau-staff").Select(u => u.Area!.Code).SingleAsync()));
        Assert.Equal(0, await _factory.QueryAsync(db => db.AuditLog.CountAsync(e => e.Kind == AuditKinds.UserAreaChanged)));

        // Within the district, down to a commune, is allowed.
        var moved = await MoveAsync(admin, "mocchau-staff", AreaFixture.MocChauCommunes[0].Code);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(AreaFixture.MocChauCommunes[0].Code, await _factory.QueryAsync(db => db.Users.Where(u => u.UserName == "mocchau-staff").Select(u => u.Area!.Code).SingleAsync()));
    }
}
