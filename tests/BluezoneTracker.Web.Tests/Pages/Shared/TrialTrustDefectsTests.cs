using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;

namespace BluezoneTracker.Web.Tests.Pages.Shared;

/// <summary>Trust defects of older review notes (#11, a fresh user's trial, point 5): each page says the real thing.</summary>
public sealed class TrialTrustDefectsTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Uri At(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Sign_off_without_a_date_opens_the_latest_date_instead_of_naming_an_empty_one()
    {
        var director = await _factory.ClientForAsync(Roles.Director);
        var response = await director.GetAsync(At("/annex/signoff"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("?date=2020-08-17", response.RequestMessage!.RequestUri!.Query);
        var page = await Html.ParseAsync(response);
        Assert.DoesNotContain("ngày .", page.Body!.Text(), StringComparison.Ordinal);
        Assert.Equal("Duyệt số liệu ngày 17/8/2020", page.QuerySelector("[data-testid=signoff-submit]")!.Text());
    }

    [Fact]
    public async Task An_unknown_area_code_in_the_admin_is_named_as_the_api_names_it()
    {
        var admin = await _factory.ClientForAsync(Roles.Admin);
        var response = await admin.GetAsync(At("/admin/areas/999"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Không tìm thấy địa bàn \"999\".", page.QuerySelector("main")!.Text(), StringComparison.Ordinal);

        var english = await admin.GetAsync(At("/admin/areas/999?culture=en-US"));
        Assert.Contains("No area \"999\".", (await Html.ParseAsync(english)).QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_upload_identical_to_the_current_revision_is_refused_as_the_api_refuses_it_and_nothing_is_written()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var before = await IntakeClient.StoreFingerprintAsync(_factory);

        // Said at the preview already (round 10): no "Xác nhận và lưu" that could only be refused.
        var (_, preview) = await IntakeClient.PreviewAsync(client, "2020-08-17", "phu-luc.csv", IntakeClient.Corpus("annex-export.csv"));
        Assert.Null(preview.QuerySelector("[data-testid=confirm-form]"));
        Assert.Contains("Số liệu giống hệt bản hiện hành #1 của ngày này", preview.QuerySelector("[data-testid=same-as-current]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(_factory));

        // The API says the same, from the same rule.
        var api = await _factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(IntakeClient.Corpus("annex-export.csv"));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        var answer = await api.PostAsync(At("/api/snapshots/2020-08-17?reason=again"), body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Contains(json.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("kind").GetString() == "UnchangedCounts");
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(_factory));
    }

    [Fact]
    public async Task A_file_with_many_rows_refused_for_one_reason_says_the_reason_once_with_the_rows()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var (response, page) = await IntakeClient.PreviewAsync(client, "2020-08-18", "13.csv", IntakeClient.Corpus("13-unquoted-thousands-comma.csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = page.QuerySelectorAll("[data-testid=problems] li").Select(li => li.Text()).ToList();
        var grouped = Assert.Single(problems);
        Assert.StartsWith("Các dòng 2–13: dòng có 3 ô nhưng dòng tiêu đề chỉ có 2 cột: có lẽ số \"22,556\"", grouped, StringComparison.Ordinal);
        Assert.Contains("dòng 3: \"12,066\"", grouped, StringComparison.Ordinal);
    }
}
