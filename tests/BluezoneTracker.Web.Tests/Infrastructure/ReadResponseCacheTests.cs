using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Core.Seed;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// Whole read responses are kept in memory per data version, language and browser session (issue #13,
/// docs/decisions/080): a warm read runs no query, every kind of write — counts, populations, targets,
/// settings, sign-off — by this server or by another one on the same store ends the kept response, and
/// a kept response never reaches another session.
/// </summary>
public sealed class ReadResponseCacheTests : IDisposable
{
    private readonly CountingFactory _reader = new();

    public void Dispose() => _reader.Dispose();

    private sealed class CountingFactory : BluezoneAppFactory
    {
        public CommandCounter Commands { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.ConfigureStoreContext(o => o.AddInterceptors(Commands)));
        }
    }

    private sealed class SecondServer(string folder) : BluezoneAppFactory(folder, ownsFolder: false);

    public static TheoryData<string> CachedUrls => new()
    {
        "/", "/annex", "/api/annex", "/annex.csv", "/annex.xlsx", "/annex.pdf", "/?date=2020-08-12", "/annex?date=2020-08-12&compare=",
    };

    [Theory]
    [MemberData(nameof(CachedUrls))]
    public async Task A_warm_read_runs_no_query_and_answers_the_same_bytes(string url)
    {
        var viewer = await _reader.ClientForAsync(Roles.Viewer);
        var first = await viewer.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        var before = _reader.Commands.Count;

        var second = await viewer.GetByteArrayAsync(new Uri(url, UriKind.Relative));

        // Only the session's own check (SessionCheck: security stamp, disabled) may run: it comes before the cache, by design.
        var queries = _reader.Commands.Count - before;
        Assert.True(queries == 0 || (queries == 1 && _reader.Commands.LastCommand!.Contains("\"SecurityStamp\"", StringComparison.Ordinal)),
            $"{queries} queries, the last: {_reader.Commands.LastCommand}");
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_kept_page_goes_only_to_the_session_that_caused_it()
    {
        var viewer = await _reader.ClientForAsync(Roles.Viewer);
        var staff = await _reader.ClientForAsync(Roles.Staff);
        var viewerAgain = await _reader.ClientForAsync(Roles.Viewer);
        var viewerPage = await Html.ParseAsync(await viewer.GetAsync(new Uri("/", UriKind.Relative)));
        await viewer.GetAsync(new Uri("/", UriKind.Relative));

        var staffPage = await Html.ParseAsync(await staff.GetAsync(new Uri("/", UriKind.Relative)));
        var otherSession = await Html.ParseAsync(await viewerAgain.GetAsync(new Uri("/", UriKind.Relative)));

        Assert.Equal("test-viewer", viewerPage.QuerySelector("[data-testid=signed-in-as]")!.Text());
        Assert.Equal("test-staff", staffPage.QuerySelector("[data-testid=signed-in-as]")!.Text());
        Assert.NotNull(staffPage.QuerySelector("a[href='/snapshots/new']"));
        static string Token(AngleSharp.Dom.IDocument page) => page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.NotEqual(Token(viewerPage), Token(otherSession));
        Assert.NotEqual(Token(viewerPage), Token(staffPage));
    }

    [Fact]
    public async Task A_kept_page_is_sent_compressed_once_over_http_and_never_compressed_over_https_while_it_holds_a_token()
    {
        var plain = await _reader.ClientForAsync(Roles.Viewer);
        var raw = await plain.GetByteArrayAsync(new Uri("/", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var compressed = await plain.SendAsync(request);
        Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
        await using (var brotli = new BrotliStream(await compressed.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
        using (var inflated = new MemoryStream())
        {
            await brotli.CopyToAsync(inflated);
            Assert.Equal(raw, inflated.ToArray());
        }

        var secure = _reader.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        await _reader.EnsureUserAsync("test-viewer", Roles.Viewer, SignedInClients.Password);
        await secure.TrySignInAsync("test-viewer", SignedInClients.Password);
        for (var i = 0; i < 2; i++)
        {
            using var overHttps = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
            overHttps.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            var response = await secure.SendAsync(overHttps);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, bool> Writes => new()
    {
        { "counts", false }, { "counts", true },
        { "population", false }, { "population", true },
        { "target", false }, { "target", true },
        { "settings", false }, { "settings", true },
        { "sign-off", false }, { "sign-off", true },
    };

    /// <summary>
    /// Each kind of write, by this server or by a second server on the same store (which only raises the
    /// store's version row), makes the next reads show it; the reader's response was kept before the write.
    /// </summary>
    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Every_kind_of_write_by_this_or_another_server_ends_the_kept_response(string kind, bool byAnotherServer)
    {
        var viewer = await _reader.ClientForAsync(Roles.Viewer);
        var (url, shows) = Observed(kind);
        var before = await viewer.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(before, await viewer.GetByteArrayAsync(new Uri(url, UriKind.Relative)));
        Assert.False(shows(before), $"{kind} already shows before the write");

        using var second = byAnotherServer ? new SecondServer(_reader.Folder) : null;
        WebApplicationFactory<Program> writer = second is null ? _reader : second;
        await WriteAsync(writer, kind);

        // Another server's write reaches this one through the store's version row, read again every
        // DataVersion.Freshness (250 ms): ask until it shows, for at most 10 s (a bound, not a measure).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        byte[] after;
        do
        {
            after = await viewer.GetByteArrayAsync(new Uri(url, UriKind.Relative));
            if (shows(after) || !byAnotherServer)
            {
                break;
            }

            await Task.Delay(DataVersion.Freshness);
        }
        while (DateTime.UtcNow < deadline);

        Assert.True(shows(after), $"{kind} written by {(byAnotherServer ? "another" : "this")} server is not shown at {url}");
    }

    private const string NewSigner = "Người Ký Mới Kiểm Thử";

    /// <summary>Where a kind of write shows, and how to see it in the response's bytes.</summary>
    private static (string Url, Func<byte[], bool> Shows) Observed(string kind) => kind switch
    {
        // Twelve districts, each one more: 84.126 → 84.138.
        "counts" => ("/api/annex?date=2020-08-17", body => Total(body, "registrations") == 84_138),
        "population" => ("/api/annex?date=2020-08-17", body => Total(body, "population") == 2_000_000),
        "target" => ("/", body => Encoding.UTF8.GetString(body).Contains("chỉ tiêu 70 %", StringComparison.Ordinal)),
        "settings" => ("/annex.xlsx?date=2020-08-17", body => SheetHolds(body, NewSigner)),
        "sign-off" => ("/annex?date=2020-08-17", body => Encoding.UTF8.GetString(body).Contains("data-testid=\"approved\"", StringComparison.Ordinal)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static long Total(byte[] json, string property)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("total").GetProperty(property).GetInt64();
    }

    private static bool SheetHolds(byte[] xlsx, string text)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        return workbook.Worksheets.SelectMany(s => s.CellsUsed()).Any(c => c.GetString().Contains(text, StringComparison.Ordinal));
    }

    /// <summary>A write as the app makes it: one SaveChanges (which raises the store's version row), then the writer's own Bump.</summary>
    private static async Task WriteAsync(WebApplicationFactory<Program> writer, string kind)
    {
        if (kind == "counts")
        {
            await writer.AddRevisionAsync(SonLa.ReportDate, plus: 1);
            return;
        }

        if (kind == "sign-off")
        {
            var director = await writer.ClientForAsync(Roles.Director);
            var signed = await director.SubmitAsync("/annex/signoff?date=2020-08-17", "[data-testid=signoff-form]");
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
            return;
        }

        await using var scope = writer.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var province = await db.Areas.SingleAsync(a => a.Code == "14");
        switch (kind)
        {
            case "population":
                db.Populations.Add(new PopulationEntity
                {
                    AreaId = province.Id, EffectiveFrom = new DateOnly(2020, 1, 1), Population = 2_000_000, PopulationYear = 2020,
                    PopulationSource = "Kiểm thử", RecordedAt = DateTimeOffset.UtcNow, RecordedBy = "test",
                });
                break;
            case "target":
                db.Targets.Add(new TargetEntity
                {
                    AreaId = province.Id, Share = 0.7m, Deadline = new DateOnly(2020, 8, 20), EffectiveFrom = new DateOnly(2020, 1, 1),
                    CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "test",
                });
                break;
            case "settings":
                var row = await db.ReportSettings.SingleOrDefaultAsync();
                var json = JsonSerializer.Serialize(new ReportSettings { SignerName = NewSigner });
                if (row is null)
                {
                    db.ReportSettings.Add(new ReportSettingsEntity { Json = json, UpdatedAt = DateTimeOffset.UtcNow, UpdatedBy = "test" });
                }
                else
                {
                    row.Json = json;
                }

                break;
        }

        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<DataVersion>().Bump();
    }
}
