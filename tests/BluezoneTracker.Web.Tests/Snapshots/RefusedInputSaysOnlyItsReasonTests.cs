using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>
/// A fresh user's trial (round 8, point 1): a file refused for a reason of its own, sent for a date that has counts,
/// also got "the file has only 0 of 12 districts; choose replace or update" — a second, false message. The
/// replace/update question is asked only when the file was read and covers part of the date's areas.
/// </summary>
public sealed class RefusedInputSaysOnlyItsReasonTests : IDisposable
{
    private const string ModeQuestion = "hãy chọn thay thế cả ngày (replace)";

    /// <summary>The page asks it in the words of its own select, not the API's.</summary>
    private const string PageModeQuestion = "hãy chọn ở ô \"Nếu ngày đã có số liệu và tệp chỉ có một số huyện\"";

    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>Files written here that cannot be read, or not wholly: name, text, and words of the real reason.</summary>
    public static TheoryData<string, string, string> Written() => new()
    {
        { "rac.xlsx", "\u0001\u0002 không phải bảng tính \u0003", "không" },
        { "khong-cot-so.csv", "Huyện,Ghi chú\nThành phố Sơn La,đã gửi\nHuyện Mộc Châu,đã gửi\n", "cột" },
        { "sai-ten.csv", "Huyện,Số đăng ký\nThành phố Sơn La,21.500\nHuyện Mộc Chau X,11.500\n", "Mộc Chau X" },
        { "sai-so.csv", "Huyện,Số đăng ký\nThành phố Sơn La,21.500\nHuyện Mộc Châu,mười\n", "mười" },
    };

    /// <summary>The corpus's unreadable files and the intake case 13 of the trial (unquoted "22,556").</summary>
    public static TheoryData<string> Corpus() =>
        ["13-unquoted-thousands-comma.csv", "truncated.xlsx", "binary-garbage.csv", "wrong-columns.csv", "header-only.csv", "unknown-district.csv", "text-count.csv"];

    [Theory]
    [MemberData(nameof(Written))]
    public async Task A_file_refused_for_its_own_reason_on_a_date_with_counts_is_not_also_asked_replace_or_update(string name, string content, string reasonWords)
    {
        var problems = await RefusedAsync(name, Encoding.UTF8.GetBytes(content));
        Assert.Contains(reasonWords, problems, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_corpus_file_refused_on_a_date_with_counts_is_not_also_asked_replace_or_update(string name) =>
        await RefusedAsync(name, IntakeClient.Corpus(name));

    /// <summary>Sends the file by the upload page and by the API for 17/8/2020 (which has counts): refused, nothing written, no mode question. Returns the page's problems.</summary>
    private async Task<string> RefusedAsync(string name, byte[] content)
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var before = await IntakeClient.StoreFingerprintAsync(_factory);

        var (response, page) = await IntakeClient.PreviewAsync(client, "2020-08-17", name, content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = page.QuerySelector("[data-testid=problems]")!.Text();
        Assert.DoesNotContain(ModeQuestion, page.Body!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(PageModeQuestion, page.Body!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Số liệu chỉ có", page.Body!.Text(), StringComparison.Ordinal);

        // The API, sent the same file, names only its own reasons too.
        var api = await _factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var answer = await api.PostAsync(new Uri("/api/snapshots/2020-08-17?reason=sua", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var kinds = json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("kind").GetString()).ToList();
        Assert.NotEmpty(kinds);
        Assert.DoesNotContain("ModeRequired", kinds);
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(_factory));
        return problems;
    }

    [Fact]
    public async Task A_readable_file_with_part_of_the_areas_is_still_asked_replace_or_update()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var (response, page) = await IntakeClient.PreviewAsync(client, "2020-08-17", "mot-huyen.csv", "Huyện,Số đăng ký\nThành phố Sơn La,21.500\n"u8.ToArray());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = Assert.Single(page.QuerySelectorAll("[data-testid=problems] li"));
        Assert.Contains("Số liệu chỉ có 1 trong 12 huyện", problems.Text(), StringComparison.Ordinal);
        Assert.Contains(PageModeQuestion, problems.Text(), StringComparison.Ordinal);
    }
}
