using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;

namespace BluezoneTracker.Web.Tests.Security;

/// <summary>
/// What is kept for ever is clean and bounded on every channel, dates are within the accepted range,
/// and a pending upload belongs to whoever previewed it (issue #15, points 1 and 8).
/// </summary>
public sealed class StoredTextAndDatesTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    /// <summary>A CSV file posted as a form; <paramref name="variant"/> trailing line breaks make each file's bytes (and hash) its own.</summary>
    private static MultipartFormDataContent Multipart(string fileName, string? reason = null, int variant = 0)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent([.. IntakeClient.Corpus("names-utf8-semicolon-dotted.csv"), .. Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("\r\n", variant)))]);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        form.Add(file, "file", fileName);
        if (reason is not null)
        {
            form.Add(new StringContent(reason), "reason");
        }

        return form;
    }

    [Fact]
    public async Task A_reason_over_1000_characters_is_refused_with_its_length_and_nothing_is_stored()
    {
        var staff = await factory.ApiClientAsync(Roles.Staff);
        var before = await IntakeClient.StoreFingerprintAsync(factory);
        var response = await staff.PostAsync(new Uri("/api/snapshots/2020-08-17", UriKind.Relative), Multipart("sua.csv", new string('l', 1_001), variant: 1));

        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Lý do dài 1.001 ký tự, vượt giới hạn 1.000 ký tự", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(factory));
    }

    [Fact]
    public async Task A_file_name_over_260_characters_is_refused()
    {
        var staff = await factory.ApiClientAsync(Roles.Staff);
        var response = await staff.PostAsync(new Uri("/api/snapshots/2020-08-18", UriKind.Relative), Multipart(new string('a', 1_000) + ".csv"));

        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Tên tệp dài 1.004 ký tự, vượt giới hạn 260 ký tự", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bidi_and_control_characters_are_removed_from_stored_file_names_and_reasons()
    {
        var staff = await factory.ApiClientAsync(Roles.Staff);
        var created = await staff.PostAsync(new Uri("/api/snapshots/2020-08-17", UriKind.Relative), Multipart("so-lieu\u202Ecod.csv", "Sửa\u0007 số\u2066 liệu\r\nMai Sơn", variant: 2));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = await factory.QueryAsync(db => Task.FromResult(db.SnapshotRevisions.OrderByDescending(r => r.Id).Select(r => new { r.FileName, r.Reason }).First()));
        Assert.Equal("so-lieucod.csv", stored.FileName);
        Assert.Equal("Sửa số liệu Mai Sơn", stored.Reason);
    }

    [Fact]
    public async Task A_date_before_2020_is_refused_by_the_intake_with_the_earliest_date()
    {
        var staff = await factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(IntakeClient.Corpus("names-utf8-semicolon-dotted.csv"));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        var response = await staff.PostAsync(new Uri("/api/snapshots/0001-01-01", UriKind.Relative), body);

        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Ngày 1/1/0001 trước ngày 1/1/2020", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?to=9999-12-31")]
    [InlineData("?from=0001-01-01")]
    [InlineData("?to=0001-01-01")]
    public async Task The_audit_filter_refuses_dates_outside_the_range_with_a_message(string query)
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var response = await admin.GetAsync(new Uri("/admin/audit" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nằm ngoài khoảng cho phép (từ 1/1/2020 đến", (await Html.ParseAsync(response)).QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_grid_says_the_largest_count_it_accepts()
    {
        var client = await factory.ClientForAsync(Roles.Staff);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/snapshots/new", UriKind.Relative)));
        var form = (IHtmlFormElement)page.QuerySelector("[data-testid=grid]")!.Closest("form")!;
        var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Date"] = "2020-08-18", ["Counts[123]"] = "99999999999", ["Unassigned"] = "0" });

        Assert.Contains("quá lớn (tối đa 1.000.000.000)", (await Html.ParseAsync(response)).QuerySelector("[data-testid=problems]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_upload_cannot_be_confirmed_by_another_user()
    {
        await factory.EnsureUserAsync("canbo-a", Roles.Staff, SignedInClients.Password);
        await factory.EnsureUserAsync("canbo-b", Roles.Staff, SignedInClients.Password);
        var a = await factory.SignInAsync("canbo-a", SignedInClients.Password, followRedirects: false);
        var b = await factory.SignInAsync("canbo-b", SignedInClients.Password, followRedirects: false);
        var (_, preview) = await IntakeClient.PreviewAsync(a, "2020-08-18", "a.csv", IntakeClient.Corpus("names-utf8-semicolon-dotted.csv"));
        var token = ((IHtmlInputElement)preview.QuerySelector("[data-testid=confirm-form] input[name=Token]")!).Value;
        var before = await IntakeClient.StoreFingerprintAsync(factory);

        var theirs = await Html.ParseAsync(await b.GetAsync(new Uri("/snapshots/upload", UriKind.Relative)));
        var response = await IntakeClient.PostFormAsync(b, theirs, "[data-testid=upload-form]", "/snapshots/upload?handler=Confirm",
            new Dictionary<string, string> { ["Token"] = token, ["ConfirmWarnings"] = "true", ["Reason"] = string.Empty });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Bản xem trước đã hết hạn", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(factory));
        Assert.Equal(HttpStatusCode.Redirect, (await IntakeClient.ConfirmAsync(a, preview, confirmWarnings: true)).StatusCode);
    }
}
