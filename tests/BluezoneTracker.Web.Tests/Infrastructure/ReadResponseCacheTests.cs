using System.IO.Compression;
using AngleSharp;
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
using BluezoneTracker.Web.Pages;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// Whole read responses are kept in memory per data version, language, role and area, shared by every user
/// they fit (issue #13, docs/decisions/080, 099 and 101): a warm read runs no query, not even the session check (100), every kind of write — counts,
/// populations, targets, settings, sign-off — by this server or by another one on the same store ends the kept
/// response, and a kept response holds no user's name or token and never reaches another role or area.
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
            builder.ConfigureServices(s =>
            {
                s.CountQueriesWith(Commands);
            });
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

        // Not even the session check: it passed a moment ago (docs/decisions/100).
        var queries = _reader.Commands.Count - before;
        Assert.True(queries == 0, $"{queries} queries, the last: {_reader.Commands.LastCommand}");
        Assert.Equal(first, second);
    }

    /// <summary>
    /// A warm read without Accept-Encoding (what the load script's "raw" runs send) is the kept bytes as they are:
    /// one body with its Content-Length, no coding, no per-user part spliced in (another user of the role gets the
    /// very bytes), no query, and the same bytes the Brotli entry was made from (docs/decisions/125).
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/annex")]
    [InlineData("/api/annex")]
    public async Task A_warm_raw_read_is_the_kept_bytes_with_their_length(string url)
    {
        var viewer = await _reader.ClientForAsync(Roles.Viewer);
        var other = await SignedInAsync("xem-tho", Roles.Viewer);
        await viewer.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        await other.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        var before = _reader.Commands.Count;

        var response = await viewer.GetAsync(new Uri(url, UriKind.Relative));
        var othersResponse = await other.GetAsync(new Uri(url, UriKind.Relative));

        var queries = _reader.Commands.Count - before;
        Assert.True(queries == 0, $"{queries} queries, the last: {_reader.Commands.LastCommand}");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(body, await othersResponse.Content.ReadAsByteArrayAsync());

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var compressed = await viewer.SendAsync(request);
        Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
        await using var decoder = new BrotliStream(await compressed.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        await decoder.CopyToAsync(inflated);
        Assert.Equal(body, inflated.ToArray());
    }

    /// <summary>
    /// Requests that miss the same key at once (here right after a write) render it once: the others get the
    /// first one's entry, so eight at once run the queries of one rendering (docs/decisions/101).
    /// </summary>
    [Theory]
    [InlineData("/api/annex?date=2020-08-17")]
    [InlineData("/annex.pdf?date=2020-08-17")]
    public async Task Requests_missing_the_same_key_at_once_render_it_once(string url)
    {
        var viewer = await _reader.ClientForAsync(Roles.Viewer);
        var version = _reader.Services.GetRequiredService<DataVersion>();
        await viewer.GetByteArrayAsync(new Uri(url, UriKind.Relative));

        // Each round after a write: the area directory (read before the cache, by the area scope) is loaded by
        // the menu first, so that what is counted is the rendering of the kept response alone.
        version.Bump();
        await viewer.GetAsync(new Uri("/account/menu", UriKind.Relative));
        var before = _reader.Commands.Count;
        var alone = await viewer.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        var oneRendering = _reader.Commands.Count - before;
        Assert.True(oneRendering > 0, "a miss runs the queries of a rendering");

        version.Bump();
        await viewer.GetAsync(new Uri("/account/menu", UriKind.Relative));
        before = _reader.Commands.Count;
        var bodies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => viewer.GetByteArrayAsync(new Uri(url, UriKind.Relative))));

        Assert.Equal(oneRendering, _reader.Commands.Count - before);
        Assert.All(bodies, body => Assert.Equal(bodies[0], body));
        if (!url.Contains(".pdf", StringComparison.Ordinal))
        {
            Assert.Equal(alone, bodies[0]);
        }
    }

    /// <summary>A PDF and an .xlsx are compressed by their own format: sent as they are even to a client that accepts Brotli or gzip.</summary>
    [Theory]
    [InlineData("/annex.pdf", "application/pdf")]
    [InlineData("/annex.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task A_kept_file_of_a_compressed_format_is_sent_as_it_is(string url, string contentType)
    {
        var viewer = await _reader.ClientForAsync(Roles.Viewer);
        var raw = await viewer.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var response = await viewer.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(raw, await response.Content.ReadAsByteArrayAsync());
    }

    private static Task<AngleSharp.Dom.IDocument> ParseAsync(byte[] page) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(Encoding.UTF8.GetString(page)).Address("http://localhost/"));

    /// <summary>A client signed in as a new account of <paramref name="role"/>, optionally assigned to an area.</summary>
    private async Task<HttpClient> SignedInAsync(string userName, string role, string? areaCode = null)
    {
        await _reader.EnsureUserAsync(userName, role, SignedInClients.Password);
        if (areaCode is not null)
        {
            await _reader.QueryAsync(async db =>
            {
                var user = db.Users.Single(u => u.UserName == userName);
                user.AreaId = db.Areas.Single(a => a.Code == areaCode).Id;
                return await db.SaveChangesAsync();
            });
        }

        return await _reader.SignInAsync(userName, SignedInClients.Password);
    }

    /// <summary>
    /// Two users of one role get the very bytes kept for the first (no rendering for the second: only the
    /// session check runs), and those bytes hold neither user's name nor any anti-forgery token; each user's
    /// own name and tokens come from /account/menu, never kept (docs/decisions/099).
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/annex")]
    [InlineData("/areas/119/")]
    public async Task A_kept_page_is_one_for_every_user_of_a_role_and_holds_nothing_personal(string url)
    {
        var first = await SignedInAsync("xem-thu-nhat", Roles.Viewer);
        var second = await SignedInAsync("xem-thu-hai", Roles.Viewer);
        var firstPage = await first.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        var before = _reader.Commands.Count;

        var secondPage = await second.GetByteArrayAsync(new Uri(url, UriKind.Relative));

        var queries = _reader.Commands.Count - before;
        Assert.True(queries == 0 || (queries == 1 && _reader.Commands.LastCommand!.Contains("\"SecurityStamp\"", StringComparison.Ordinal)),
            $"{queries} queries for the second user, the last: {_reader.Commands.LastCommand}");
        Assert.Equal(firstPage, secondPage);
        var text = Encoding.UTF8.GetString(secondPage);
        Assert.DoesNotContain("xem-thu-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", text, StringComparison.Ordinal);
        Assert.NotNull((await ParseAsync(secondPage)).QuerySelector("#user-menu[data-menu] a[href$='/account/signout']"));

        var firstMenu = await first.GetAsync(new Uri("/account/menu?returnUrl=" + Uri.EscapeDataString(url), UriKind.Relative));
        var secondMenu = await second.GetAsync(new Uri("/account/menu?returnUrl=" + Uri.EscapeDataString(url), UriKind.Relative));
        Assert.True(firstMenu.Headers.CacheControl?.NoStore);
        var firstFragment = await Html.ParseAsync(firstMenu);
        var secondFragment = await Html.ParseAsync(secondMenu);
        Assert.Equal("xem-thu-nhat", firstFragment.QuerySelector("[data-testid=signed-in-as]")!.Text());
        Assert.Equal("xem-thu-hai", secondFragment.QuerySelector("[data-testid=signed-in-as]")!.Text());
        Assert.Equal(url, firstFragment.QuerySelector("input[name=returnUrl]")!.GetAttribute("value"));
        static string Token(AngleSharp.Dom.IDocument page) => page.QuerySelector("form[action$='/account/signout'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.NotEqual(Token(firstFragment), Token(secondFragment));
    }

    /// <summary>What a role changes in a page is part of the key: a page kept for an admin or a director never reaches a viewer.</summary>
    [Fact]
    public async Task A_page_kept_for_one_role_never_reaches_another()
    {
        var admin = await _reader.ClientForAsync(Roles.Admin);
        var director = await _reader.ClientForAsync(Roles.Director);
        var viewer = await _reader.ClientForAsync(Roles.Viewer);

        var adminHome = await Html.ParseAsync(await admin.GetAsync(new Uri("/", UriKind.Relative)));
        var directorAnnex = await Html.ParseAsync(await director.GetAsync(new Uri("/annex?date=2020-08-17", UriKind.Relative)));
        var viewerHome = await Html.ParseAsync(await viewer.GetAsync(new Uri("/", UriKind.Relative)));
        var viewerAnnex = await Html.ParseAsync(await viewer.GetAsync(new Uri("/annex?date=2020-08-17", UriKind.Relative)));

        Assert.NotNull(adminHome.QuerySelector("a[href='/admin']"));
        Assert.NotNull(adminHome.QuerySelector("a[href='/snapshots/new']"));
        Assert.Null(viewerHome.QuerySelector("a[href='/admin']"));
        Assert.Null(viewerHome.QuerySelector("a[href='/snapshots/new']"));
        Assert.NotNull(directorAnnex.QuerySelector("[data-testid=signoff-link]"));
        Assert.Null(viewerAnnex.QuerySelector("[data-testid=signoff-link]"));
    }

    /// <summary>
    /// The cache comes after the area scope: a district account is refused another district's page although
    /// it is kept for the province's users, and its own district's page is kept apart from theirs (its
    /// breadcrumbs differ: no link up to the province it may not open).
    /// </summary>
    [Fact]
    public async Task A_page_kept_for_an_area_is_refused_to_an_account_outside_it()
    {
        var province = await SignedInAsync("xem-tinh", Roles.Viewer);
        var district = await SignedInAsync("xem-moc-chau", Roles.Viewer, areaCode: "123");
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync(new Uri("/areas/119/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync(new Uri("/areas/119/", UriKind.Relative))).StatusCode);
        var provinceOfMocChau = await province.GetByteArrayAsync(new Uri("/areas/123/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync(new Uri("/areas/119/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync(new Uri("/areas/119/?handler=Charts", UriKind.Relative))).StatusCode);
        var own = await district.GetAsync(new Uri("/areas/123/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var ownBytes = await own.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(provinceOfMocChau, ownBytes);
        Assert.Equal(1, (await ParseAsync(provinceOfMocChau)).QuerySelectorAll("[data-testid=breadcrumbs] a").Length);
        Assert.Equal(0, (await ParseAsync(ownBytes)).QuerySelectorAll("[data-testid=breadcrumbs] a").Length);
    }

    [Fact]
    public async Task A_kept_page_is_compressed_once_per_coding_over_http_and_https_as_it_holds_no_token()
    {
        var plain = await _reader.ClientForAsync(Roles.Viewer);
        var raw = await plain.GetByteArrayAsync(new Uri("/", UriKind.Relative));
        foreach (var coding in new[] { "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
            var compressed = await plain.SendAsync(request);
            Assert.Equal(coding, Assert.Single(compressed.Content.Headers.ContentEncoding));
            await using var decoder = coding == "br"
                ? (Stream)new BrotliStream(await compressed.Content.ReadAsStreamAsync(), CompressionMode.Decompress)
                : new GZipStream(await compressed.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            await decoder.CopyToAsync(inflated);
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
            Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        }

        // The per-user menu, with its tokens, is never compressed over HTTPS (BREACH): the guard stays for it.
        using var menu = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/menu", UriKind.Relative));
        menu.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var menuResponse = await secure.SendAsync(menu);
        Assert.Empty(menuResponse.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", await menuResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A kept body's first Brotli is made at a fast quality and made again at the kept quality in the background
    /// (docs/decisions/135). Here that work is held until after a counts write and then run: the write's readers get
    /// the new figures, compressed from the new body, never the older page's bytes; and within one version the
    /// recompressed bytes are the same body, no larger.
    /// </summary>
    [Fact]
    public async Task A_body_recompressed_in_the_background_never_reaches_a_newer_write()
    {
        var held = new System.Collections.Concurrent.ConcurrentQueue<Action>();
        _reader.Services.GetRequiredService<ReadResponseCache>().Background = held.Enqueue;
        const string url = "/api/annex?date=2020-08-17";
        var viewer = await _reader.ClientForAsync(Roles.Viewer);
        var other = await SignedInAsync("xem-nen", Roles.Viewer);

        var fast = await BrotliBytesAsync(viewer, url);
        Assert.Equal(84_126, Total(Inflate(fast), "registrations"));
        Assert.False(held.IsEmpty);

        await _reader.AddRevisionAsync(SonLa.ReportDate, plus: 1);
        // The older page's recompression runs only now, after the write.
        RunAll(held);
        var afterWrite = Inflate(await BrotliBytesAsync(other, url));
        Assert.Equal(84_138, Total(afterWrite, "registrations"));
        Assert.Equal(await other.GetByteArrayAsync(new Uri(url, UriKind.Relative)), afterWrite);

        // The new version's own recompression: same body, better compressed (or left as it was), served from then on.
        var newFast = await BrotliBytesAsync(viewer, url);
        RunAll(held);
        var recompressed = await BrotliBytesAsync(viewer, url);
        Assert.Equal(Inflate(newFast), Inflate(recompressed));
        Assert.True(recompressed.Length <= newFast.Length, $"{recompressed.Length} > {newFast.Length}");
        Assert.Equal(afterWrite, Inflate(recompressed));
    }

    /// <summary>
    /// The recompression at the kept quality is fed to Brotli a chunk at a time and asks before each chunk whether its
    /// entry is still current: a write ends it within one chunk — the rest of a large body is never compressed — and a
    /// finished one is the same body (docs/decisions/155).
    /// </summary>
    [Fact]
    public void A_recompression_stops_at_the_chunk_where_a_write_ends_its_entry()
    {
        var raw = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 60_000).Select(i => $"<tr><td>Xã {i}</td><td>{i * 7}</td></tr>")));
        Assert.True(raw.Length > 5 * ReadResponseCache.RecompressChunkBytes, $"{raw.Length} bytes");
        var asked = 0;

        Assert.Null(ReadResponseCache.KeptBrotli(raw, () => ++asked < 3));
        Assert.Equal(3, asked);

        var whole = ReadResponseCache.KeptBrotli(raw, () => true);
        Assert.NotNull(whole);
        Assert.Equal(raw, Inflate(whole));
    }

    /// <summary>
    /// The recompression gives way to cold pages: while any response is being rendered it does not compress (after a
    /// write every page is cold and its client waits; this can wait), and once the render ends it completes and the
    /// better bytes are served (docs/decisions/155).
    /// </summary>
    [Fact]
    public async Task A_recompression_waits_while_a_page_is_being_rendered()
    {
        var cache = _reader.Services.GetRequiredService<ReadResponseCache>();
        var held = new System.Collections.Concurrent.ConcurrentQueue<Action>();
        cache.Background = held.Enqueue;
        const string url = "/annex?date=2020-08-17";
        var viewer = await _reader.ClientForAsync(Roles.Viewer);
        var fast = await BrotliBytesAsync(viewer, url);
        Assert.False(held.IsEmpty);

        // A render in progress: a cached endpoint whose response is held open until the gate opens.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = _reader.Services };
        context.Request.Method = "GET";
        context.Request.Path = "/rendering-now";
        Microsoft.AspNetCore.Http.EndpointHttpContextExtensions.SetEndpoint(context, new Microsoft.AspNetCore.Http.Endpoint(_ => Task.CompletedTask,
            new Microsoft.AspNetCore.Http.EndpointMetadataCollection(new Microsoft.AspNetCore.Routing.EndpointNameMetadata("AnnexJson")), "held"));
        var rendering = cache.InvokeAsync(context, _ => gate.Task);

        var recompressing = Task.Run(() => RunAll(held));
        // Ample time for a few KB at quality 5 had it not waited (it never completes while the gate is shut).
        Assert.False(SpinWait.SpinUntil(() => recompressing.IsCompleted, TimeSpan.FromSeconds(2)), "compressed while a page was being rendered");
        Assert.Equal(fast, await BrotliBytesAsync(viewer, url));

        gate.SetResult();
        await rendering;
        await recompressing.WaitAsync(TimeSpan.FromSeconds(30));
        var better = await BrotliBytesAsync(viewer, url);
        Assert.True(better.Length < fast.Length, $"{better.Length} >= {fast.Length}");
        Assert.Equal(Inflate(fast), Inflate(better));
    }

    private static void RunAll(System.Collections.Concurrent.ConcurrentQueue<Action> held)
    {
        while (held.TryDequeue(out var work))
        {
            work();
        }
    }

    private static async Task<byte[]> BrotliBytesAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static byte[] Inflate(byte[] brotli)
    {
        using var decoder = new BrotliStream(new MemoryStream(brotli), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        decoder.CopyTo(inflated);
        return inflated.ToArray();
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
        // The read after the write is another user's: the kept response is shared, so a stale one would reach them.
        var other = await SignedInAsync("xem-sau-khi-ghi", Roles.Viewer);
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
            after = await other.GetByteArrayAsync(new Uri(url, UriKind.Relative));
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
