using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>
/// A sheet or a count column named for another date — often the very one the user picked when the page asked — is
/// the same warning as a title line naming another date: shown first on the preview, to be confirmed before saving.
/// </summary>
public sealed class DateNamedBySheetOrColumnTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task A_sheet_named_for_another_date_chosen_on_the_page_is_warned_about_and_needs_the_confirmation()
    {
        var client = await factory.ClientForAsync(Roles.Staff);
        var before = await IntakeClient.StoreFingerprintAsync(factory);
        var (_, asking) = await IntakeClient.PreviewAsync(client, "19/8/2020", "so-lieu.xlsx", IntakeClient.Corpus("Cases/04b-one-sheet-per-day-active-last.xlsx"));
        var preview = await ChooseAsync(client, asking, "Sheet", "18-8");

        Assert.Equal(
            "Trang tính được đọc mang tên \"18-8\", một ngày khác ngày đã chọn 19/8/2020. Hãy kiểm tra lại ngày trước khi lưu.",
            preview.QuerySelectorAll("[data-testid=warnings] li .warning-text").Select(li => li.Text().Trim()).First());
        Assert.NotNull(preview.QuerySelector("[data-testid=confirm-form] input[name=ConfirmWarnings]"));
        var unconfirmed = await IntakeClient.ConfirmAsync(client, preview);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(factory));
    }

    [Fact]
    public async Task A_column_headed_by_another_date_chosen_on_the_page_is_warned_about()
    {
        var client = await factory.ClientForAsync(Roles.Staff);
        var (_, asking) = await IntakeClient.PreviewAsync(client, "19/8/2020", "hai-cot.xlsx", IntakeClient.Corpus("Cases/05b-two-day-columns-one-header-row.xlsx"));
        var column = asking.QuerySelectorAll("[data-testid=choose-column] option").Single(o => o.TextContent.Contains("18/8/2020", StringComparison.Ordinal));
        var preview = await ChooseAsync(client, asking, "Column", column.GetAttribute("value")!);

        var warning = preview.QuerySelectorAll("[data-testid=warnings] li .warning-text").Select(li => li.Text().Trim()).First();
        Assert.Matches("^Dòng \\d+: cột số đăng ký được đọc ghi \".*18/8/2020\", một ngày khác ngày đã chọn 19/8/2020\\.", warning);
        Assert.NotNull(preview.QuerySelector("[data-testid=confirm-form] input[name=ConfirmWarnings]"));
    }

    [Fact]
    public async Task The_sheet_of_the_chosen_date_has_no_such_warning()
    {
        var client = await factory.ClientForAsync(Roles.Staff);
        var (_, preview) = await IntakeClient.PreviewAsync(client, "18/8/2020", "so-lieu.xlsx", IntakeClient.Corpus("Cases/04b-one-sheet-per-day-active-last.xlsx"));

        Assert.Equal("18-8", preview.QuerySelector("[data-testid=reading-sheet]")!.TextContent.Split(' ')[0]);
        Assert.DoesNotContain("khác ngày đã chọn", preview.QuerySelector("[data-testid=warnings]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_names_the_sheet_in_its_warning()
    {
        var client = await factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(IntakeClient.Corpus("Cases/04b-one-sheet-per-day-active-last.xlsx"));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        var response = await client.PostAsync(new Uri("/api/snapshots/2020-08-19?sheet=18-8", UriKind.Relative), body);

        // Saved with the warning, or refused for it: either way the answer says which sheet named which date.
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var messages = AnswerLists
            .Where(name => json.RootElement.TryGetProperty(name, out _))
            .SelectMany(name => json.RootElement.GetProperty(name).EnumerateArray())
            .Select(item => item.GetProperty("message").GetString());
        Assert.Contains(messages, m => m!.Contains("Trang tính được đọc mang tên \"18-8\", một ngày khác ngày đã chọn 19/8/2020", StringComparison.Ordinal));
    }

    private static readonly string[] AnswerLists = ["warnings", "problems"];

    private static async Task<AngleSharp.Dom.IDocument> ChooseAsync(HttpClient client, AngleSharp.Dom.IDocument asking, string field, string value)
    {
        var token = asking.QuerySelector("[data-testid=choose-form] input[name=Token]")!.GetAttribute("value")!;
        var chosen = await IntakeClient.PostFormAsync(client, asking, "[data-testid=choose-form]", "/snapshots/upload?handler=Preview",
            new Dictionary<string, string> { ["Token"] = token, [field] = value });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        return await Html.ParseAsync(chosen);
    }
}
