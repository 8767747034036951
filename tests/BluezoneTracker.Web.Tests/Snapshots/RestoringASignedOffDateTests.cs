using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>
/// Round 9's fresh-user trial: on a signed-off date the restore form was shown to Staff, who may not revise it, and
/// asked them for a reason before refusing them for their role. The form is offered only to who may use it, the
/// others are told why, and the write checks the role before the reason.
/// </summary>
public sealed class RestoringASignedOffDateTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Uri At(string path) => new(path, UriKind.Relative);

    /// <summary>The one sentence of the refusal: who may revise a signed-off date, and why.</summary>
    private const string SignedOff = "Số liệu ngày 17/8/2020 đã được lãnh đạo duyệt thành phụ lục chính thức; chỉ Lãnh đạo hoặc Quản trị viên được sửa hay khôi phục số liệu của ngày đã duyệt, vì mỗi lần sửa sẽ tạo một phụ lục mới phải được duyệt lại.";

    /// <summary>17/8 with two revisions, signed off.</summary>
    private async Task SignedWithTwoRevisionsAsync()
    {
        await _factory.AddRevisionAsync(new DateOnly(2020, 8, 17));
        var director = await _factory.ClientForAsync(Roles.Director);
        Assert.Equal(HttpStatusCode.OK, (await director.SubmitAsync("/annex/signoff?date=2020-08-17", "[data-testid=signoff-form]")).StatusCode);
    }

    [Fact]
    public async Task Staff_see_why_they_cannot_restore_instead_of_a_form_and_a_director_gets_the_form()
    {
        await SignedWithTwoRevisionsAsync();

        var staff = await Html.ParseAsync(await (await _factory.ClientForAsync(Roles.Staff)).GetAsync(At("/snapshots/2020-08-17")));
        Assert.Empty(staff.QuerySelectorAll("[data-testid=restore-form]"));
        Assert.Equal(SignedOff, staff.QuerySelector("[data-testid=restore-not-allowed]")!.Text());

        var director = await Html.ParseAsync(await (await _factory.ClientForAsync(Roles.Director)).GetAsync(At("/snapshots/2020-08-17")));
        Assert.Single(director.QuerySelectorAll("[data-testid=restore-form]"));
        Assert.Null(director.QuerySelector("[data-testid=restore-not-allowed]"));
    }

    [Fact]
    public async Task A_forced_restore_by_staff_is_a_403_with_one_sentence_not_a_form_error_and_nothing_is_written()
    {
        await SignedWithTwoRevisionsAsync();
        var client = await _factory.ClientForAsync(Roles.Staff);
        var page = await Html.ParseAsync(await client.GetAsync(At("/snapshots/2020-08-17")));
        var before = await IntakeClient.StoreFingerprintAsync(_factory);

        var refused = await client.PostAsync(At("/snapshots/2020-08-17?handler=Restore"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["number"] = "1", ["reason"] = string.Empty, ["__RequestVerificationToken"] = page.AntiforgeryToken(),
        }));

        // Round 10: a 422 headed "Chưa lưu được. Hãy sửa các lỗi sau:" with two near-duplicate sentences.
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var main = (await Html.ParseAsync(refused)).QuerySelector("main")!.Text();
        Assert.Contains("Không có quyền", main, StringComparison.Ordinal);
        Assert.Contains(SignedOff, main, StringComparison.Ordinal);
        Assert.Equal(1, main.Split("đã được lãnh đạo duyệt").Length - 1);
        Assert.DoesNotContain("Chưa lưu được", main, StringComparison.Ordinal);
        Assert.DoesNotContain("lý do", main, StringComparison.Ordinal);
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(_factory));
    }

    [Fact]
    public async Task A_director_restoring_without_a_reason_is_still_asked_for_one_inside_the_write()
    {
        await SignedWithTwoRevisionsAsync();
        var client = await _factory.ClientForAsync(Roles.Director);
        var history = await Html.ParseAsync(await client.GetAsync(At("/snapshots/2020-08-17")));
        var before = await IntakeClient.StoreFingerprintAsync(_factory);

        var refused = await IntakeClient.PostFormAsync(client, history, "[data-testid=restore-form]", "/snapshots/2020-08-17?handler=Restore",
            new Dictionary<string, string> { ["number"] = "1", ["reason"] = "  " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(
            "Hãy ghi lý do khôi phục bản #1 của ngày 17/8/2020 (việc khôi phục lưu lại số liệu của bản đó thành một bản sửa đổi mới).",
            (await Html.ParseAsync(refused)).QuerySelector("[data-testid=problems] li")!.Text().Trim());
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(_factory));
    }

    [Fact]
    public async Task The_api_refuses_staff_on_a_signed_off_date_for_the_role_before_asking_a_reason()
    {
        await SignedWithTwoRevisionsAsync();
        var api = await _factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(IntakeClient.Corpus("template-utf8-bom-comma.csv"));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");

        var refused = await api.PostAsync(At("/api/snapshots/2020-08-17"), body);

        // The same refusal as the page's: a 403, titled as every permission refusal, with the one sentence.
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var json = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Không có quyền", json.RootElement.GetProperty("title").GetString());
        Assert.Equal(SignedOff, json.RootElement.GetProperty("detail").GetString());
        Assert.Equal(["SignedOffDate"], json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task The_entry_grid_of_a_signed_off_date_tells_staff_they_cannot_save_it()
    {
        await SignedWithTwoRevisionsAsync();

        var staff = await Html.ParseAsync(await (await _factory.ClientForAsync(Roles.Staff)).GetAsync(At("/snapshots/new?date=2020-08-17")));
        Assert.StartsWith("Số liệu ngày 17/8/2020 đã được lãnh đạo duyệt;", staff.QuerySelector("[data-testid=signed-off-note]")!.Text(), StringComparison.Ordinal);

        var director = await Html.ParseAsync(await (await _factory.ClientForAsync(Roles.Director)).GetAsync(At("/snapshots/new?date=2020-08-17")));
        Assert.Null(director.QuerySelector("[data-testid=signed-off-note]"));
    }

    [Fact]
    public async Task A_grid_saved_anyway_by_staff_on_a_signed_off_date_is_the_same_403()
    {
        await SignedWithTwoRevisionsAsync();
        var before = await IntakeClient.StoreFingerprintAsync(_factory);

        var refused = await (await _factory.ClientForAsync(Roles.Staff)).SubmitAsync(
            "/snapshots/new?date=2020-08-17", "[data-testid=grid]", new Dictionary<string, string> { ["Counts[116]"] = "21.200", ["Reason"] = "Sửa", ["ConfirmWarnings"] = "true" });

        var main = (await Html.ParseAsync(refused)).QuerySelector("main")!.Text();
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, main);
        Assert.Contains(SignedOff, main, StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa lưu được", main, StringComparison.Ordinal);
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(_factory));
    }
}
