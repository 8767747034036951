using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Dom;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>
/// The files staff really send (Import/Corpus/Cases: the shared cases.json and our own-cases.json, made by
/// make_cases.py), each uploaded for 18/8/2020 through the API and through the upload page: a file to read
/// stores exactly the counts of cases.json; a file to refuse gets a 4xx naming its cause and the store is unchanged.
/// </summary>
public sealed class IntakeCasesTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    internal const string Date = "2020-08-18";

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Import", "Corpus", "Cases");

    private static readonly JsonElement Shared = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "cases.json"))).RootElement;

    private static readonly JsonElement Own = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "own-cases.json"))).RootElement;

    /// <summary>The cause each refused file of the shared cases must be refused for (cases.json says "refuse" without a kind).</summary>
    private static readonly Dictionary<string, string> SharedRefusals = new() { ["13-unquoted-thousands-comma.csv"] = "FieldCountMismatch" };

    public static TheoryData<string> FilesToRead => [.. Cases().Where(c => c.Kind is null).Select(c => c.File)];

    public static TheoryData<string, string> FilesToRefuse
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (file, kind) in Cases().Where(c => c.Kind is not null))
            {
                data.Add(file, kind!);
            }

            return data;
        }
    }

    private static IEnumerable<(string File, string? Kind)> Cases()
    {
        foreach (var c in Shared.GetProperty("cases").EnumerateObject())
        {
            var expect = c.Value.GetProperty("expect").GetString()!;
            yield return (c.Name, expect.StartsWith("read", StringComparison.Ordinal) ? null : SharedRefusals[c.Name]);
        }

        foreach (var c in Own.GetProperty("cases").EnumerateObject())
        {
            yield return (c.Name, c.Value.GetProperty("expect").GetString() == "read" ? null : c.Value.GetProperty("kind").GetString());
        }
    }

    [Fact]
    public void Every_file_of_the_cases_folder_has_an_expected_outcome()
    {
        var files = Directory.GetFiles(Folder).Select(Path.GetFileName).Where(f => f is not ("cases.json" or "own-cases.json" or "make_cases.py")).Order();
        Assert.Equal(files, Cases().Select(c => c.File).Order());
        Assert.True(Own.GetProperty("cases").EnumerateObject().Count() >= 15);
    }

    [Theory]
    [MemberData(nameof(FilesToRead))]
    public async Task File_sent_to_the_api_stores_exactly_the_counts_of_the_cases(string file)
    {
        var before = await NumberBeforeTheCaseAsync();
        var response = await PostAsync(file);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("headerRow").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("countColumn").GetString()));
        await AssertStoredAsync(before);
    }

    [Theory]
    [MemberData(nameof(FilesToRefuse))]
    public async Task File_sent_to_the_api_is_refused_naming_its_cause_and_nothing_is_saved(string file, string kind)
    {
        var before = await IntakeClient.StoreFingerprintAsync(factory);
        var response = await PostAsync(file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = json.RootElement.GetProperty("problems")[0];
        Assert.Equal(kind, problem.GetProperty("kind").GetString());
        Assert.DoesNotContain("hỏng", problem.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(factory));
    }

    private async Task<HttpResponseMessage> PostAsync(string file, string query = "")
    {
        var client = await factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(Read(file));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        return await client.PostAsync(new Uri($"/api/snapshots/{Date}?reason=corpus{query}", UriKind.Relative), body);
    }

    internal static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(Folder, file));

    /// <summary>
    /// When the current revision of 18/8/2020 already holds the cases' counts (the seed's dispatch, or the previous
    /// case), saves one that differs (Huyện Mộc Châu's count) through the API, so that the next case's file is a
    /// change: counts identical to the current revision are refused as unchanged (<c>UnchangedCounts</c>).
    /// </summary>
    /// <returns>The number of the current revision of 18/8/2020 afterwards.</returns>
    internal static async Task<int> MakeTheCasesCountsAChangeAsync(BluezoneAppFactory factory)
    {
        var expected = Shared.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        var unassigned = Shared.GetProperty("unassigned").GetInt64();
        int number;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var current = await db.SnapshotRevisions.AsNoTracking().Include(r => r.Counts).ThenInclude(c => c.Area)
                .Where(r => r.Date == new DateOnly(2020, 8, 18)).OrderByDescending(r => r.Number).FirstOrDefaultAsync();
            number = current?.Number ?? 0;
            if (current is null || current.Unassigned != unassigned
                || !current.Counts.ToDictionary(c => c.Area!.Code, c => c.Registrations).OrderBy(p => p.Key).SequenceEqual(expected.OrderBy(p => p.Key)))
            {
                return current?.Number ?? 0;
            }
        }

        // The template's layout (code, name, count; the unassigned row last) with the cases' counts but Mộc Châu's, which
        // differs by the revision's number, so that no two of these files are the same (a file is imported once per date).
        var lines = System.Text.Encoding.UTF8.GetString(IntakeClient.Corpus("template-utf8-bom-comma.csv")).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var csv = string.Join('\n', lines.Select((line, i) =>
        {
            var cells = line.TrimEnd('\r').Split(',');
            var code = cells[0];
            return i == 0 ? line.TrimEnd('\r')
                : code.Length == 0 ? $"{string.Join(',', cells[..^1])},{unassigned}"
                : $"{string.Join(',', cells[..^1])},{(code == "123" ? expected[code] + 1 + number : expected[code])}";
        })) + "\n";
        var client = await factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        var saved = await client.PostAsync(new Uri($"/api/snapshots/{Date}?reason=other", UriKind.Relative), body);
        Assert.True(saved.StatusCode == HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        return await CurrentNumberAsync(factory);
    }

    private Task<int> NumberBeforeTheCaseAsync() => MakeTheCasesCountsAChangeAsync(factory);

    internal static async Task<int> CurrentNumberAsync(BluezoneAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.SnapshotRevisions.Where(r => r.Date == new DateOnly(2020, 8, 18)).Select(r => (int?)r.Number).MaxAsync() ?? 0;
    }

    private Task AssertStoredAsync(int before) => AssertStoredAsync(factory, before);

    /// <summary>A new revision of 18/8/2020 holds exactly the 12 counts by GSO code, 33 unassigned, 91.320 in all.</summary>
    internal static async Task AssertStoredAsync(BluezoneAppFactory factory, int before)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var revision = await db.SnapshotRevisions.AsNoTracking().Include(r => r.Counts).ThenInclude(c => c.Area)
            .Where(r => r.Date == new DateOnly(2020, 8, 18)).OrderByDescending(r => r.Number).FirstAsync();
        Assert.Equal(before + 1, revision.Number);
        var expected = Shared.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(expected.OrderBy(p => p.Key), revision.Counts.ToDictionary(c => c.Area!.Code, c => c.Registrations).OrderBy(p => p.Key));
        Assert.Equal(Shared.GetProperty("unassigned").GetInt64(), revision.Unassigned);
        Assert.Equal(Shared.GetProperty("total").GetInt64(), revision.Counts.Sum(c => c.Registrations) + revision.Unassigned);
    }

    [Fact]
    public async Task The_api_reads_the_sheet_and_column_asked_for_and_says_how_it_read_them()
    {
        var refused = await PostAsync("a04c-two-sheets-no-date.xlsx");
        using (var json = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.Equal(["Bảng A", "Bảng B"], json.RootElement.GetProperty("sheets").EnumerateArray().Select(e => e.GetString()));
        }

        var before = await NumberBeforeTheCaseAsync();
        var response = await PostAsync("a04c-two-sheets-no-date.xlsx", "&sheet=" + Uri.EscapeDataString("Bảng B"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Bảng B", body.RootElement.GetProperty("sheet").GetString());
        Assert.Equal(1, body.RootElement.GetProperty("headerRow").GetInt32());
        Assert.Equal("C", body.RootElement.GetProperty("countColumn").GetString());
        await AssertStoredAsync(before);

        var signed = await PostAsync("28-annex-with-signature-block.xlsx");
        using var annex = JsonDocument.Parse(await signed.Content.ReadAsStringAsync());
        var skipped = annex.RootElement.GetProperty("skipped").EnumerateArray().Select(s => (s.GetProperty("line").GetInt32(), s.GetProperty("reason").GetString())).ToList();
        Assert.Contains((18, "Total"), skipped);
        Assert.Contains((25, "AfterTotal"), skipped);
    }
}

/// <summary>The same files as <see cref="IntakeCasesTests"/>, uploaded on the page (a store of its own, so each file is new to it).</summary>
public sealed class IntakeCasesOnThePageTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private const string Date = IntakeCasesTests.Date;

    public static TheoryData<string> FilesToRead => IntakeCasesTests.FilesToRead;

    public static TheoryData<string, string> FilesToRefuse => IntakeCasesTests.FilesToRefuse;

    private static byte[] Read(string file) => IntakeCasesTests.Read(file);

    private Task<int> NumberBeforeTheCaseAsync() => IntakeCasesTests.MakeTheCasesCountsAChangeAsync(factory);

    private Task AssertStoredAsync(int before) => IntakeCasesTests.AssertStoredAsync(factory, before);

    [Theory]
    [MemberData(nameof(FilesToRead))]
    public async Task File_uploaded_on_the_page_stores_exactly_the_counts_of_the_cases(string file)
    {
        var before = await NumberBeforeTheCaseAsync();
        var client = await factory.ClientForAsync(Roles.Staff);
        var (response, page) = await IntakeClient.PreviewAsync(client, Date, file, Read(file));

        Assert.True(response.StatusCode == HttpStatusCode.OK, page.QuerySelector("[data-testid=problems]")?.TextContent);
        Assert.Equal("91.320", page.QuerySelector("[data-testid=preview-total]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=reading-count-column]"));
        var saved = await IntakeClient.ConfirmAsync(client, page, reason: "Kiểm tra tệp " + file, confirmWarnings: true);
        Assert.True(saved.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, saved.StatusCode.ToString());
        await AssertStoredAsync(before);
    }

    [Theory]
    [MemberData(nameof(FilesToRefuse))]
    public async Task File_uploaded_on_the_page_is_refused_naming_its_cause_and_nothing_is_saved(string file, string kind)
    {
        var before = await IntakeClient.StoreFingerprintAsync(factory);
        var (response, page) = await IntakeClient.PreviewAsync(await factory.ClientForAsync(Roles.Staff), Date, file, Read(file));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = page.QuerySelector("[data-testid=problems]")!.TextContent;
        Assert.Contains(Cause[kind], problems, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=confirm-form]"));
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(factory));
    }

    [Fact]
    public async Task The_comma_refusal_quotes_each_lines_own_number()
    {
        const string file = "13-unquoted-thousands-comma.csv";
        var (_, page) = await IntakeClient.PreviewAsync(await factory.ClientForAsync(Roles.Staff), Date, file, Read(file));
        var problems = page.QuerySelector("[data-testid=problems]")!.TextContent;
        foreach (var written in new[] { "\"22,556\"", "\"12,066\"", "\"11,234\"" })
        {
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(problems, System.Text.RegularExpressions.Regex.Escape(written)));
        }
    }

    /// <summary>Words of each refusal's message that name its cause.</summary>
    private static readonly Dictionary<string, string> Cause = new()
    {
        ["FieldCountMismatch"] = "dòng tiêu đề chỉ có",
        ["AmbiguousSheet"] = "nhiều trang tính",
        ["AmbiguousColumn"] = "nhiều cột có thể là số đăng ký",
        ["LettersLost"] = "CSV UTF-8",
        ["ErrorValue"] = "giá trị lỗi #DIV/0!",
        ["OtherFormat"] = "(.xlsx)",
    };

    [Fact]
    public async Task The_page_asks_which_column_and_saves_the_one_chosen()
    {
        var before = await NumberBeforeTheCaseAsync();
        var client = await factory.ClientForAsync(Roles.Staff);
        var (response, page) = await IntakeClient.PreviewAsync(client, Date, "hai-cot.xlsx", Read("a05c-two-count-columns-no-date.xlsx"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var options = page.QuerySelectorAll("[data-testid=choose-column] option").Select(o => o.TextContent).ToList();
        Assert.Equal(["Cột B: Số đăng ký Viettel", "Cột C: Số đăng ký VNPT"], options);

        var token = page.QuerySelector("[data-testid=choose-form] input[name=Token]")!.GetAttribute("value")!;
        var chosen = await IntakeClient.PostFormAsync(client, page, "[data-testid=choose-form]", "/snapshots/upload?handler=Preview",
            new Dictionary<string, string> { ["Token"] = token, ["Column"] = "C" });
        var preview = await Html.ParseAsync(chosen);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal("Cột C: Số đăng ký VNPT", preview.QuerySelector("[data-testid=reading-count-column]")!.TextContent);
        Assert.Equal("91.320", preview.QuerySelector("[data-testid=preview-total]")!.TextContent.Trim());

        var saved = await IntakeClient.ConfirmAsync(client, preview, reason: "Cột VNPT", confirmWarnings: true);
        Assert.True(saved.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, saved.StatusCode.ToString());
        await AssertStoredAsync(before);
    }

    [Fact]
    public async Task The_preview_says_the_names_were_converted_from_tcvn3()
    {
        var (_, page) = await IntakeClient.PreviewAsync(await factory.ClientForAsync(Roles.Staff), Date, "tcvn3.xlsx", Read("10-tcvn3-vntime-names.xlsx"));
        Assert.Equal("đã chuyển từ mã TCVN3 sang Unicode", page.QuerySelector("[data-testid=reading-conversion]")!.TextContent);
        Assert.Contains("Huyện Mộc Châu", page.QuerySelector("[data-testid=preview-rows]")!.TextContent, StringComparison.Ordinal);
    }
}
