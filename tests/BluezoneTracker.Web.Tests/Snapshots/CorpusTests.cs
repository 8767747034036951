using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Scope;
using BluezoneTracker.Web.Snapshots;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>
/// Every file of Import/Corpus (see make_corpus.py) with what it must give: the valid ones are read
/// whole, the others are refused with their message and leave the store exactly as it was.
/// </summary>
public sealed class CorpusTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    // Valid files hold the 17/8/2020 counts + 100 per district and 30 unassigned, unless noted.
    public static TheoryData<string, long, string?> ValidFiles => new()
    {
        { "template-utf8-bom-comma.csv", 85_329, null },
        { "names-utf8-semicolon-dotted.csv", 85_329, null },
        { "names-utf16-tab.csv", 85_329, null },
        { "names-windows1258-semicolon.csv", 85_329, null },
        { "names-nfd-comma-grouped.csv", 85_329, null },
        { "names-without-diacritics-prefixes.csv", 85_329, null },
        { "template-numbers.xlsx", 85_329, null },
        { "formula-with-cached-value.xlsx", 85_329, null },
        { "second-sheet-named-so-lieu.xlsx", 85_329, null },
        { "annex-layout-with-sum-formula.xlsx", 85_329, null },
        // A date column (17/8/2020) beside the code and the name.
        { "date-column-17-8.csv", 85_329, null },
        // Our own annex export of 17/8/2020, and the official table as typed, with its wrong total.
        { "annex-export.csv", 84_126, null },
        { "annex-typed-title-rows.csv", 84_126, "Tổng ghi trong tệp là 84.124, khác tổng các dòng là 84.126." },
    };

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "empty.csv", "EmptyFile", "Tệp trống, không có số liệu." },
        { "header-only.csv", "NoCounts", "Dòng 1: chỉ có dòng tiêu đề, không có số liệu." },
        { "wrong-columns.csv", "MissingColumns", "Dòng 1: không tìm thấy dòng tiêu đề có cột tên huyện" },
        { "unknown-district.csv", "UnknownArea", "Dòng 7: không tìm thấy huyện \"Mường Lát\"." },
        { "duplicate-district.csv", "DuplicateArea", "Dòng 14: Huyện Mộc Châu xuất hiện lần thứ hai (lần đầu ở dòng 3)." },
        { "negative-count.csv", "NegativeCount", "Dòng 4: số đăng ký \"-5\" là số âm." },
        { "decimal-count.csv", "DecimalCount", "Dòng 5: số đăng ký \"6,74\" có phần thập phân; phải là số nguyên." },
        { "huge-count.csv", "CountTooLarge", "Dòng 2: số đăng ký \"99999999999999\" quá lớn (tối đa 1.000.000.000)." },
        { "text-count.csv", "NotANumber", "Dòng 3: \"nhiều\" không phải là số." },
        { "long-text.csv", "TextTooLong", "Dòng 14: nội dung \"Huyện Mộc Châu Mộc Châu" },
        { "binary-garbage.csv", "NotATable", "Tệp không phải bảng CSV hay Excel (.xlsx) đọc được." },
        { "formula-without-cached-value.xlsx", "FormulaWithoutValue", "Dòng 4 (ô C4): ô có công thức =C2+C3 nhưng chưa có giá trị đã tính" },
        { "decimal-number-cell.xlsx", "DecimalCount", "Dòng 3 (ô C3): số đăng ký \"10429.5\" có phần thập phân" },
        { "truncated.xlsx", "UnreadableWorkbook", "Không mở được tệp Excel: tệp bị hỏng hoặc không đầy đủ." },
        { "zip-bomb.xlsx", "WorkbookTooLarge", "Tệp Excel khi giải nén vượt 52.428.800 byte, bị từ chối" },
    };

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public async Task Valid_file_is_read_whole_with_every_district_matched(string file, long total, string? warning)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<SnapshotIntake>();
        var draft = await intake.FromFileAsync("2020-08-18", new UploadedFile(file, IntakeClient.Corpus(file)), CancellationToken.None);

        Assert.Empty(draft.Problems);
        Assert.Equal(12, draft.Rows.Count);
        Assert.Equal(total, draft.Preview!.Annex.Total.Registrations);
        var messages = scope.ServiceProvider.GetRequiredService<Messages>();
        var typedTotal = draft.Preview.Warnings.Where(w => w.Kind == DataWarningKind.TypedTotalMismatch).Select(messages.Warning);
        Assert.Equal(warning is null ? [] : [warning], typedTotal);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_file_sent_to_the_api_gets_422_with_its_message_and_nothing_is_saved(string file, string kind, string message)
    {
        var before = await IntakeClient.StoreFingerprintAsync(factory);
        var client = await factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(IntakeClient.Corpus(file));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        var response = await client.PostAsync(new Uri("/api/snapshots/2020-08-18", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var first = json.RootElement.GetProperty("problems")[0];
        Assert.Equal(kind, first.GetProperty("kind").GetString());
        Assert.StartsWith(message, first.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(factory));
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_file_uploaded_on_the_page_shows_its_message_and_nothing_is_saved(string file, string kind, string message)
    {
        Assert.NotEmpty(kind);
        var before = await IntakeClient.StoreFingerprintAsync(factory);
        var (response, page) = await IntakeClient.PreviewAsync(await factory.ClientForAsync(Roles.Staff), "2020-08-18", file, IntakeClient.Corpus(file));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[data-testid=problems]")!.Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=confirm-form]"));
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(factory));
    }

    [Fact]
    public async Task Rows_that_could_be_read_are_previewed_beside_the_errors()
    {
        var (_, page) = await IntakeClient.PreviewAsync(await factory.ClientForAsync(Roles.Staff), "2020-08-18", "x.csv", IntakeClient.Corpus("unknown-district.csv"));
        Assert.Equal(12, page.QuerySelectorAll("[data-testid=preview-rows] tbody tr[data-code]").Length - 1);
        Assert.Null(page.QuerySelector("[data-testid=confirm-form]"));
    }

    [Fact]
    public async Task Problems_are_given_in_english_too()
    {
        var client = await factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(IntakeClient.Corpus("unknown-district.csv"));
        var response = await client.PostAsync(new Uri("/api/snapshots/2020-08-18?culture=en-US", UriKind.Relative), body);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Line 7: district \"Mường Lát\" not found.", json.RootElement.GetProperty("problems")[0].GetProperty("message").GetString());
    }
}
