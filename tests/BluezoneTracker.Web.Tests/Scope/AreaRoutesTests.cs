using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Tests.Scope;

/// <summary>Every page, download and endpoint per area: /areas/{code}/…, /api/areas/{code}/…, ?area=, and the plain routes (#11).</summary>
public sealed class AreaRoutesTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Uri At(string path) => new(path, UriKind.Relative);

    [Theory]
    [InlineData("/")]
    [InlineData("/?area=14")]
    [InlineData("/areas/14/")]
    [InlineData("/areas/14")]
    public async Task The_province_dashboard_is_reached_by_every_route_form(string path)
    {
        var client = await _factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(At(path)));
        Assert.Contains("Sơn La", page.QuerySelector("h1")!.Text(), StringComparison.Ordinal);
        Assert.Equal(12, page.QuerySelectorAll("[data-testid=ranking] tbody tr, table tbody tr[data-code]").Select(r => r.GetAttribute("data-code")).Distinct().Count(c => c is not null && c.Length == 3));
    }

    [Theory]
    [InlineData("/areas/999/")]
    [InlineData("/areas/999/annex")]
    [InlineData("/areas/999/snapshots")]
    [InlineData("/annex?area=999")]
    public async Task An_unknown_area_is_a_404_that_names_the_code(string path)
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var response = await client.GetAsync(At(path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Không tìm thấy địa bàn \"999\".", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_area_on_the_api_is_problem_json_and_nothing_is_written()
    {
        var client = await _factory.ApiClientAsync(Roles.Staff);
        var before = await _factory.QueryAsync(db => db.SnapshotRevisions.CountAsync());
        using var body = new ByteArrayContent(AreaFixture.CommuneCsv(("Xã Chiềng Thử Một", 10)));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        var response = await client.PostAsync(At("/api/areas/999/snapshots/2020-08-18"), body);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Không tìm thấy địa bàn \"999\".", json.RootElement.GetProperty("detail").GetString());
        Assert.Equal(before, await _factory.QueryAsync(db => db.SnapshotRevisions.CountAsync()));
    }

    [Fact]
    public async Task The_english_404_names_the_code_too()
    {
        var client = await _factory.ClientForAsync(Roles.Viewer);
        var response = await client.GetAsync(At("/areas/abc/?culture=en-US"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("No area \"abc\".", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_of_an_area_page_stay_in_the_area_and_children_link_to_their_own_pages()
    {
        var client = await _factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(At("/areas/14/")));
        var mocChau = page.QuerySelectorAll("a[data-testid=area-link]").First(a => a.Text() == "Huyện Mộc Châu");
        Assert.Equal("/areas/123/", mocChau.GetAttribute("href"));
        Assert.Contains(page.QuerySelectorAll("[data-testid=nav-annex]"), a => a.GetAttribute("href")!.StartsWith("/areas/14/annex", StringComparison.Ordinal));

        var annex = await Html.ParseAsync(await client.GetAsync(At("/areas/14/annex")));
        Assert.Contains(annex.QuerySelectorAll("table.annex a[data-testid=area-link]"), a => a.Text() == "Huyện Mộc Châu" && a.GetAttribute("href") == "/areas/123/");
    }

    [Fact]
    public async Task A_leaf_area_renders_its_page_with_breadcrumbs_and_no_ranking()
    {
        var client = await _factory.ClientForAsync(Roles.Viewer);
        var response = await client.GetAsync(At("/areas/123/"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var crumbs = page.QuerySelectorAll("[data-testid=breadcrumbs] li").Select(li => li.Text().Trim()).ToList();
        // Both seeds name the province with its kind, as every other area.
        Assert.Equal(["Tỉnh Sơn La", "Huyện Mộc Châu"], crumbs);
        Assert.Equal("/areas/14/", page.QuerySelector("[data-testid=breadcrumbs] a")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("tr[data-code]"));
    }

    [Theory]
    [InlineData("/areas/14/annex.csv")]
    [InlineData("/areas/14/annex.xlsx")]
    [InlineData("/areas/14/annex.pdf")]
    [InlineData("/api/areas/14/annex")]
    [InlineData("/api/annex?area=14")]
    public async Task Annex_downloads_are_served_per_area(string path)
    {
        var client = await _factory.ClientForAsync(Roles.Viewer);
        var response = await client.GetAsync(At(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Theory]
    [InlineData("/areas/14/snapshots")]
    [InlineData("/areas/14/snapshots/new")]
    [InlineData("/areas/14/snapshots/upload")]
    [InlineData("/areas/14/snapshots/template.csv")]
    [InlineData("/areas/14/snapshots/template.xlsx")]
    [InlineData("/areas/14/snapshots/2020-08-17")]
    public async Task Intake_pages_and_templates_are_served_per_area(string path)
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var response = await client.GetAsync(At(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_district_template_lists_its_communes()
    {
        await _factory.AddCommunesAsync();
        var client = await _factory.ClientForAsync(Roles.Staff);
        var csv = await client.GetStringAsync(At("/areas/123/snapshots/template.csv"));
        foreach (var (_, name) in AreaFixture.MocChauCommunes)
        {
            Assert.Contains(name, csv, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(AreaFixture.ThuanChauCommune.Name, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Huyện Mộc Châu;", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_enters_counts_for_its_communes_through_the_api()
    {
        await _factory.AddCommunesAsync();
        var client = await _factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(AreaFixture.CommuneCsv(("Xã Chiềng Thử Một", 100), ("Xã Chiềng Thử Hai", 200), ("Thị trấn Thử Ba", 300)));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        var response = await client.PostAsync(At("/api/areas/123/snapshots/2020-08-18"), body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(605, json.RootElement.GetProperty("annex").GetProperty("total").GetProperty("registrations").GetInt64());
        var stored = await _factory.QueryAsync(db => db.SnapshotRevisions.Where(r => r.Area!.Code == AreaFixture.MocChau).Select(r => new { r.Date, r.Number }).ToListAsync());
        Assert.Equal([new { Date = new DateOnly(2020, 8, 18), Number = 1 }], stored);

        // The province's own snapshot is untouched, and the district's annex is read per area.
        var annex = await client.GetAsync(At("/api/areas/123/annex"));
        Assert.Equal(HttpStatusCode.OK, annex.StatusCode);
        Assert.Contains("Xã Chiềng Thử Hai", await annex.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_upload_naming_a_commune_of_another_district_is_refused_naming_the_row_and_nothing_is_written()
    {
        await _factory.AddCommunesAsync();
        var client = await _factory.ApiClientAsync(Roles.Staff);
        var before = await _factory.QueryAsync(db => db.SnapshotRevisions.CountAsync());
        using var body = new ByteArrayContent(AreaFixture.CommuneCsv(("Xã Chiềng Thử Một", 100), (AreaFixture.ThuanChauCommune.Name, 50)));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        var response = await client.PostAsync(At("/api/areas/123/snapshots/2020-08-18"), body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = json.RootElement.GetProperty("problems")[0];
        Assert.Equal("UnknownArea", problem.GetProperty("kind").GetString());
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.Contains(AreaFixture.ThuanChauCommune.Name, problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _factory.QueryAsync(db => db.SnapshotRevisions.CountAsync()));
    }

    [Fact]
    public async Task A_district_without_communes_has_no_table_of_its_own_and_nothing_is_written()
    {
        // Mộc Châu has no communes in the seed: its count is its row in the province's table. A table of only
        // its unassigned count would be shown instead of that row (trial: 500 replaced 11.346 on its page).
        var api = await _factory.ApiClientAsync(Roles.Staff);
        var before = await _factory.QueryAsync(db => db.SnapshotRevisions.CountAsync());
        using var body = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("Tên,Số đăng ký\nSố thuê bao chưa xác định được xã,500\n"));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        var response = await api.PostAsync(At("/api/areas/123/snapshots/2020-08-19"), body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using (var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Contains(json.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("kind").GetString() == "NoChildAreas");
        }

        var client = await _factory.ClientForAsync(Roles.Staff);
        foreach (var path in new[] { "/areas/123/snapshots/new", "/areas/123/snapshots/upload" })
        {
            var page = await Html.ParseAsync(await client.GetAsync(At(path)));
            Assert.Contains("Huyện Mộc Châu không có xã, phường, thị trấn trực thuộc", page.QuerySelector("[data-testid=no-table]")!.TextContent, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("[data-testid=grid], [data-testid=upload-form]"));
            Assert.Null(page.QuerySelector("[data-testid=reporting-status]"));
        }

        // The rule holds inside the write too, whatever path reaches it (a stale grid page, another process).
        var appended = await _factory.QueryAsync(db => BluezoneTracker.Web.Snapshots.SnapshotStore.AppendAsync(db, TimeProvider.System, new BluezoneTracker.Web.Snapshots.SnapshotStore.NewRevision(
            AreaFixture.MocChau, new BluezoneTracker.Core.Snapshots.SnapshotCounts(new DateOnly(2020, 8, 19), new Dictionary<string, long>(), 500),
            "test", BluezoneTracker.Core.Snapshots.RevisionSource.Form, null, null, null, null, null, MayReviseSignedOff: false), CancellationToken.None));
        Assert.Equal(BluezoneTracker.Core.Import.ImportProblemKind.NoChildAreas, appended.Problem?.Kind);
        Assert.Equal(before, await _factory.QueryAsync(db => db.SnapshotRevisions.CountAsync()));
        Assert.Equal(0, await _factory.QueryAsync(db => db.SnapshotRevisions.CountAsync(r => r.Area!.Code == AreaFixture.MocChau)));
    }

    [Theory]
    [InlineData("/areas/123/?area=116")]
    [InlineData("/areas/123/annex?area=14")]
    public async Task A_path_area_and_an_area_parameter_that_disagree_are_a_400_naming_both(string path)
    {
        var client = await _factory.ClientForAsync(Roles.Viewer);
        var response = await client.GetAsync(At(path));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await Html.ParseAsync(response)).Body!.TextContent;
        Assert.Contains("\"123\"", text, StringComparison.Ordinal);
        Assert.Contains(path[(path.IndexOf('=') + 1)..], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switching_the_language_stays_on_the_area_page()
    {
        var client = await _factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(At("/areas/116/annex?date=2020-08-17")));
        // The annex is a kept page: its language switch is a link carrying where to come back (the user's own
        // menu, with the form, is fetched from /account/menu with the same returnUrl — decision 099).
        var link = new Uri(new Uri("http://localhost"), page.QuerySelector("#user-menu a[href*='ulture']")!.GetAttribute("href"));
        Assert.Equal("/areas/116/annex?date=2020-08-17", System.Web.HttpUtility.ParseQueryString(link.Query)["returnUrl"]);
        var menu = await Html.ParseAsync(await client.GetAsync(At("/account/menu?returnUrl=" + Uri.EscapeDataString("/areas/116/annex?date=2020-08-17"))));
        Assert.Equal("/areas/116/annex?date=2020-08-17", menu.QuerySelector("input[name=returnUrl]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_problem_on_an_area_route_names_the_path_that_was_asked_for()
    {
        var client = await _factory.ApiClientAsync(Roles.Staff);
        // Sơn La's code, not a district's: a district without communes has no annex at all (404 NoChildAreas, decision 067).
        var response = await client.GetAsync(At("/api/areas/14/annex?date=2020-13-01"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("/api/areas/14/annex", json.RootElement.GetProperty("instance").GetString());
    }
}
