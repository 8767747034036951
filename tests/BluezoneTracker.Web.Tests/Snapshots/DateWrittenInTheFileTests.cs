using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Snapshots;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>
/// A file whose own date ("Tính đến ngày 17/8/2020", or a date column) differs from the date the user
/// chose is a warning: on the preview (to be confirmed before saving), in the API's answer and on the command line.
/// </summary>
public sealed class DateWrittenInTheFileTests : IDisposable
{
    private const string TitleWarning = "Dòng 2: tệp ghi số liệu tính đến ngày 17/8/2020, khác ngày đã chọn 18/8/2020. Hãy kiểm tra lại ngày trước khi lưu.";

    private readonly BluezoneAppFactory _factory = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("bluezone-filedate-").FullName;

    public void Dispose()
    {
        _factory.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("annex-typed-title-rows.csv", TitleWarning)]
    [InlineData("annex-layout-with-sum-formula.xlsx", TitleWarning)]
    [InlineData("date-column-17-8.csv", "Dòng 2: tệp ghi số liệu tính đến ngày 17/8/2020, khác ngày đã chọn 18/8/2020. Hãy kiểm tra lại ngày trước khi lưu.")]
    public async Task The_preview_warns_with_both_dates_and_saving_needs_the_confirmation(string file, string warning)
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var before = await IntakeClient.StoreFingerprintAsync(_factory);
        var (response, page) = await IntakeClient.PreviewAsync(client, "18/8/2020", file, IntakeClient.Corpus(file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warnings = page.QuerySelectorAll("[data-testid=warnings] li .warning-text").Select(li => li.Text().Trim()).ToList();
        Assert.Equal(warning, warnings[0]);

        var unconfirmed = await Html.ParseAsync(await IntakeClient.ConfirmAsync(client, page));
        Assert.Contains("Hãy đánh dấu ô xác nhận", unconfirmed.QuerySelector("[data-testid=problems]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(_factory));

        var confirmed = await IntakeClient.ConfirmAsync(client, unconfirmed, confirmWarnings: true);
        Assert.Equal("/snapshots/2020-08-18", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_file_of_the_chosen_date_has_no_such_warning()
    {
        var client = await _factory.ClientForAsync(Roles.Director);
        var (_, page) = await IntakeClient.PreviewAsync(client, "17/8/2020", "annex.csv", IntakeClient.Corpus("annex-typed-title-rows.csv"));

        var warnings = page.QuerySelector("[data-testid=warnings]")!.Text();
        Assert.Contains("Tổng ghi trong tệp là 84.124", warnings, StringComparison.Ordinal);
        Assert.DoesNotContain("khác ngày đã chọn", warnings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_refuses_it_naming_both_dates_and_stores_nothing()
    {
        var client = await _factory.ApiClientAsync(Roles.Staff);
        var before = await IntakeClient.StoreFingerprintAsync(_factory);
        using var body = new ByteArrayContent(IntakeClient.Corpus("Cases/10-tcvn3-vntime-names.xlsx"));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        var response = await client.PostAsync(new Uri("/api/snapshots/2020-08-21", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal("FileDateDiffers", problem.GetProperty("kind").GetString());
        var message = problem.GetProperty("message").GetString()!;
        Assert.Contains("18/8/2020", message, StringComparison.Ordinal);
        Assert.Contains("khác ngày đã chọn 21/8/2020", message, StringComparison.Ordinal);
        Assert.Contains("confirmDate=true", message, StringComparison.Ordinal);
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(_factory));
    }

    [Fact]
    public async Task The_api_stores_it_when_confirmed_and_reports_the_warning_in_english_too()
    {
        var client = await _factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(IntakeClient.Corpus("date-column-17-8.csv"));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        var response = await client.PostAsync(new Uri("/api/snapshots/2020-08-18?culture=en-US&confirmDate=true", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var warning = Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Equal("FileDateDiffers", warning.GetProperty("kind").GetString());
        Assert.Equal("Line 2: the file gives counts as of 8/17/2020, not the chosen date 8/18/2020. Check the date before saving.", warning.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_command_line_prints_it_as_a_warning()
    {
        var path = Path.Combine(_folder, "annex.csv");
        await File.WriteAllBytesAsync(path, IntakeClient.Corpus("annex-typed-title-rows.csv"));
        using var output = new StringWriter();
        using var error = new StringWriter();
        await CliAccounts.EnsureStaffAsync(Path.Combine(_folder, "cli.db"));
        var exit = await ImportCommand.RunAsync(
            ["import", "--user", CliAccounts.Staff, "--date", "2020-08-18", "--file", path, "--dry-run", "--ConnectionStrings:Default", $"Data Source={Path.Combine(_folder, "cli.db")}"], output, error);

        Assert.Equal(0, exit);
        Assert.Contains("Cảnh báo: " + TitleWarning, output.ToString(), StringComparison.Ordinal);
    }
}
