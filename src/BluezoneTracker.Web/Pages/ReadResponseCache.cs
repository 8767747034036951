using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Figures;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

using BluezoneTracker.Web.Infrastructure;

namespace BluezoneTracker.Web.Pages;

/// <summary>Limits of <see cref="ReadResponseCache"/> (configuration section <c>ResponseCache</c>).</summary>
public sealed class ReadResponseCacheOptions
{
    /// <summary>Off switches the cache off entirely (every request is rendered, as before).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Total bytes held (raw + Brotli + gzip of every entry); the least recently used leave first. 64 MB by default.</summary>
    public long SizeLimitBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long an entry lives at most, read or not; a write ends it sooner by changing the data version.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A response larger than this (raw) is never kept: one huge page must not push everything else out.</summary>
    public int MaxEntryBytes { get; set; } = 8 * 1024 * 1024;
}

/// <summary>
/// Whole responses of the read pages and the annex downloads (<see cref="Cached"/>), kept in memory and
/// shared by every user who would be sent the same bytes, compressed once per entry and per coding (Brotli or
/// gzip, each made the first time a client asks for it; a PDF or .xlsx, compressed by its own format, is sent as
/// it is), rendered once per key however many requests miss at the same time, so that a warm request costs about what a static file
/// does (issue #13 point 3, docs/decisions/080 and 099).
///
/// It runs after authentication, the area scope and authorization: a request is only ever answered after
/// the same checks as an uncached one, so an area outside the caller's scope is refused before the cache is
/// looked at. The key holds everything a response depends on — method, path base (the area), path and query,
/// the data version (raised by every write of counts, populations, targets, settings and sign-offs, by this
/// or any other process: docs/decisions/015), the culture, whether demo accounts are active (the banner)
/// — and what the caller's account changes in the page: its
/// role (menu links, sign-off links) and its assigned area (breadcrumbs). Nothing personal is in a kept body:
/// on these pages the layout renders the user's menu (name, sign-out and language forms with their
/// anti-forgery tokens) as plain links that <c>site.js</c> replaces with the per-user fragment of
/// <c>/account/menu</c>, never kept (<see cref="IsShared"/>). A body that holds an anti-forgery token anyway
/// is never kept.
///
/// Never kept: anything but a 200, a response that sets a cookie (a renewed sign-in), a request carrying
/// TempData (its one-time message), a body with an anti-forgery token. Bounded in bytes (<see cref="ReadResponseCacheOptions"/>).
/// </summary>
public sealed class ReadResponseCache : IDisposable
{
    /// <summary>The Razor pages and endpoint names whose GET responses are cached.</summary>
    private static readonly HashSet<string> Cached = new(StringComparer.Ordinal)
    {
        "/Dashboard/Index", "/Annex/Index", "AnnexJson", "AnnexCsv", "AnnexXlsx", "AnnexPdf",
    };

    /// <summary>Response headers that belong to one exchange, never replayed.</summary>
    private static readonly HashSet<string> PerExchange = new(StringComparer.OrdinalIgnoreCase)
    {
        "Set-Cookie", "Content-Length", "Content-Encoding", "Transfer-Encoding", "Date", "Vary",
    };

    private readonly MemoryCache _entries;
    private readonly ConcurrentDictionary<string, Task<Entry?>> _rendering = new(StringComparer.Ordinal);
    private readonly ReadResponseCacheOptions _options;
    private readonly DataVersion _version;
    private readonly DemoAccounts _demo;
    private readonly TimeProvider _clock;

    /// <summary>
    /// Brotli quality of a kept body's first compression, made while the first client that asks for it waits —
    /// after a write that is the first phone (phones always send <c>br</c>). Quality 4 is several times faster than
    /// <see cref="KeptBrotliQuality"/> on a page of hundreds of KB, for a body a few percent larger (docs/decisions/135).
    /// </summary>
    internal const int FirstBrotliQuality = 4;

    /// <summary>
    /// Brotli quality the kept body is made again at, in the background, replacing the first one's bytes. Quality 5:
    /// measured on the real pages (700 × 730 and 10 000 × 365), quality 9 made bodies at most 2,4 % smaller (one
    /// larger) for 5–10 times the CPU — 0,2–0,45 s for a 10 000-row annex (docs/decisions/155).
    /// </summary>
    internal const int KeptBrotliQuality = 5;

    /// <summary>How much of a raw body is compressed between two checks that its entry is still current (a write stops the rest).</summary>
    internal const int RecompressChunkBytes = 128 * 1024;

    /// <summary>
    /// Runs a kept body's recompression at the kept quality off the request: on <see cref="BackgroundWork"/>'s one
    /// thread, one body at a time, giving way to every page being rendered (docs/decisions/155). Tests replace it to
    /// hold the work and run it when they choose, e.g. after a newer write.
    /// </summary>
    internal Action<Action> Background { get; set; }

    private volatile bool _disposed;

    /// <summary>Builds the cache with its own size-bounded memory (sizes in bytes).</summary>
    public ReadResponseCache(IOptions<ReadResponseCacheOptions> options, DataVersion version, DemoAccounts demo, TimeProvider clock, BackgroundWork background)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(background);
        Background = background.Post;
        _options = options.Value;
        _version = version;
        _demo = demo;
        _clock = clock;
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = _options.SizeLimitBytes, CompactionPercentage = 0.25 });
    }

    /// <summary>Entries held now (for tests of the bound).</summary>
    public int Count => _entries.Count;

    /// <summary>Serves the request from the cache, or lets the app answer it and keeps the answer when it may.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!_options.Enabled || !HttpMethods.IsGet(context.Request.Method) || !IsCached(context.GetEndpoint())
            || context.Request.Cookies.ContainsKey(TempDataCookie))
        {
            await next(context);
            return;
        }

        // Read before rendering: a write meanwhile leaves newer bytes under an already stale key, never the reverse.
        var (key, version) = await KeyAsync(context);
        if (_entries.TryGetValue(key, out Entry? hit) && hit is not null)
        {
            await WriteAsync(context, hit);
            return;
        }

        // One rendering per key at a time: requests that miss while it runs wait for its entry (docs/decisions/101).
        var mine = new TaskCompletionSource<Entry?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _rendering.GetOrAdd(key, mine.Task);
        if (!ReferenceEquals(running, mine.Task))
        {
            if (await running.WaitAsync(context.RequestAborted) is { } made)
            {
                await WriteAsync(context, made);
                return;
            }

            // The first request's response could not be shared (e.g. it renewed its sign-in): render this one's own.
            await RenderAsync(context, next, key, version);
            return;
        }

        try
        {
            // Looked up again once this request is the one to render: a rendering of the key that ended between the first
            // look and GetOrAdd kept its entry before it left _rendering, so its entry is there now (a CI run rendered one
            // PDF twice for eight requests at once, the second with another footer time).
            if (_entries.TryGetValue(key, out Entry? kept) && kept is not null)
            {
                mine.SetResult(kept);
                await WriteAsync(context, kept);
                return;
            }

            mine.SetResult(await RenderAsync(context, next, key, version));
        }
        catch
        {
            mine.TrySetResult(null);
            throw;
        }
        finally
        {
            _rendering.TryRemove(new KeyValuePair<string, Task<Entry?>>(key, mine.Task));
        }
    }

    /// <summary>Lets the app answer the request; keeps and returns the answer when it may be shared, else null.</summary>
    private async Task<Entry?> RenderAsync(HttpContext context, RequestDelegate next, string key, long version)
    {
        // The layout renders no per-user part into a response that may be kept (see IsShared).
        context.Items[SharedItem] = true;

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        ForgetEmptyTempDataCookie(response);
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey("Set-Cookie") || buffer.Length > _options.MaxEntryBytes
            || buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf("__RequestVerificationToken"u8) >= 0)
        {
            // A token is bound to one user: a body holding one is that user's only, never kept for others.
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return null;
        }

        var entry = Entry.From(key, version, response, buffer.ToArray(), _clock.GetUtcNow() + _options.Lifetime);
        Keep(entry);
        await WriteAsync(context, entry);
        return entry;
    }

    /// <summary>
    /// Whether the response being rendered may be kept and shared by every user with the same role and area:
    /// the layout then leaves out what is personal (the user's name, forms with anti-forgery tokens) and shows
    /// links that the browser replaces with <c>/account/menu</c>'s fragment.
    /// </summary>
    public static bool IsShared(HttpContext context) => context?.Items[SharedItem] is true;

    private const string SharedItem = "bz.shared-response";

    private void Keep(Entry entry) =>
        _entries.Set(entry.Key, entry, new MemoryCacheEntryOptions { Size = entry.Size, AbsoluteExpirationRelativeToNow = entry.Expires - _clock.GetUtcNow() is { Ticks: > 0 } left ? left : TimeSpan.FromTicks(1) });

    /// <summary>
    /// The layout reads TempData, so every page answers with a Set-Cookie that deletes the TempData cookie,
    /// even when the request carried none (requests that carry one are never cached): deleting a cookie the
    /// browser does not have changes nothing, so that header alone does not make a response per-exchange.
    /// </summary>
    private static void ForgetEmptyTempDataCookie(HttpResponse response)
    {
        var cookies = response.Headers.SetCookie;
        if (cookies.Count == 0)
        {
            return;
        }

        var kept = cookies.Where(c => c is null || !(c.StartsWith(TempDataCookie + "=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal))).ToArray();
        if (kept.Length == 0)
        {
            response.Headers.Remove("Set-Cookie");
        }
        else if (kept.Length != cookies.Count)
        {
            response.Headers.SetCookie = new StringValues(kept);
        }
    }

    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _entries.Dispose();
    }

    private static bool IsCached(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<PageActionDescriptor>() is { } page
            ? Cached.Contains(page.ViewEnginePath)
            : endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>() is { } name && Cached.Contains(name.EndpointName);

    private async Task<(string Key, long Version)> KeyAsync(HttpContext context)
    {
        var request = context.Request;
        var actor = ActingUser.Of(context);
        var version = _version.Current;

        var text = new StringBuilder(256)
            .Append(version).Append('\n')
            .Append(request.PathBase.Value).Append('\n')
            .Append(request.Path.Value).Append('\n')
            .Append(request.QueryString.Value).Append('\n')
            .Append(CultureInfo.CurrentCulture.Name).Append('|').Append(CultureInfo.CurrentUICulture.Name).Append('\n')
            .Append(await _demo.AnyActiveAsync()).Append('\n')
            // What the account changes in a page: its role (links by role) and its area (breadcrumbs).
            .Append(actor.Kind == ActorKind.Anonymous ? "-" : actor.Role).Append('|').Append(actor.AreaCode).Append('\n');
        // Not the minute for the PDF: its footer says when the kept file was made, from the data of this very
        // version, which is still the current one when it is served (docs/decisions/102).
        // A digest: keys stay short.
        return (Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))), version);
    }

    private Task WriteAsync(HttpContext context, Entry entry)
    {
        var response = context.Response;
        foreach (var (name, value) in entry.Headers)
        {
            response.Headers[name] = value;
        }

        response.StatusCode = StatusCodes.Status200OK;
        byte[] body = entry.Raw;
        if (entry.IsCompressedFormat)
        {
            // A PDF or an .xlsx (a zip) is compressed already: sent as it is, whatever the client accepts (docs/decisions/101).
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
        }

        response.Headers.Vary = "Accept-Encoding";
        // No kept body holds an anti-forgery token (such a body is never kept), so compressing it is safe over
        // HTTPS too: nothing secret to guess by its compressed length (BREACH).
        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        if (Accepts(accepted, "br"))
        {
            body = Compressed(entry, Coding.Brotli);
            response.Headers.ContentEncoding = "br";
        }
        else if (Accepts(accepted, "gzip"))
        {
            body = Compressed(entry, Coding.Gzip);
            response.Headers.ContentEncoding = "gzip";
        }

        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>Whether an Accept-Encoding value accepts a coding (listed, and not with q=0).</summary>
    internal static bool Accepts(string acceptEncoding, string coding)
    {
        foreach (var part in acceptEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            if (!string.Equals(pieces[0], coding, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return !pieces.Skip(1).Any(p => p.Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000");
        }

        return false;
    }

    private enum Coding { Brotli, Gzip }

    /// <summary>
    /// The entry's body in a coding, compressed the first time a client asks for it (once: requests asking
    /// meanwhile wait for it) at a fast level, then made again at the kept level in the background
    /// (<see cref="Recompress"/>), and the entry kept again with its new size.
    /// </summary>
    private byte[] Compressed(Entry entry, Coding coding)
    {
        var kept = entry.Coded(coding);
        if (kept is not null)
        {
            return kept;
        }

        byte[] made;
        lock (entry)
        {
            // Once per entry and coding: the requests that ask for it meanwhile wait for these bytes.
            kept = entry.Coded(coding);
            if (kept is not null)
            {
                return kept;
            }

            made = Compress(entry.Raw, coding, best: false);
            entry.SetCoded(coding, made);
        }

        KeepIfCurrent(entry);
        Background(() => Recompress(entry, coding));
        return made;
    }

    /// <summary>
    /// Makes an entry's coded body again at the kept level and puts it in place of the fast one, when the entry is
    /// still the one kept under its key and of the newest data version seen: the new bytes are the same raw body
    /// compressed better, in the same entry, so they reach only the requests the entry answers anyway — a newer
    /// write has a key of its own and never gets them (<c>ReadResponseCacheTests</c>).
    /// </summary>
    private void Recompress(Entry entry, Coding coding)
    {
        if (!IsCurrent(entry))
        {
            // Evicted, replaced, or of a version a write has ended: nobody will be sent it again, spare the CPU.
            return;
        }

        // In chunks: before each, it waits while any page is being rendered (after a write every page is cold, and
        // a cold page's client waits; this can wait), and stops when a write has ended the entry.
        var better = Compress(entry.Raw, coding, best: true, goOn: () => AfterRenders() && IsCurrent(entry));
        if (better is null)
        {
            return;
        }

        lock (entry)
        {
            if (entry.Coded(coding) is { } first && better.Length < first.Length)
            {
                entry.SetCoded(coding, better);
            }
        }

        KeepIfCurrent(entry);
    }

    /// <summary>Returns once no kept page or download is being rendered (polled: the waiting thread is the background one, never a request's).</summary>
    private bool AfterRenders()
    {
        while (!_rendering.IsEmpty && !_disposed)
        {
            Thread.Sleep(RenderPollMilliseconds);
        }

        return true;
    }

    private const int RenderPollMilliseconds = 5;

    private static byte[] Compress(byte[] raw, Coding coding, bool best) => Compress(raw, coding, best, goOn: static () => true)!;

    /// <summary>
    /// <paramref name="raw"/> compressed, fed to the compressor <see cref="RecompressChunkBytes"/> at a time; null when
    /// <paramref name="goOn"/> answers false before a chunk (the rest is never compressed).
    /// </summary>
    private static byte[]? Compress(byte[] raw, Coding coding, bool best, Func<bool> goOn) => coding == Coding.Brotli
        ? Entry.Compress(raw, s => new BrotliStream(s, new BrotliCompressionOptions { Quality = best ? KeptBrotliQuality : FirstBrotliQuality }), goOn)
        : Entry.Compress(raw, s => new GZipStream(s, best ? CompressionLevel.SmallestSize : CompressionLevel.Fastest), goOn);

    /// <summary>The chunked compression of <see cref="Recompress"/>, for tests: Brotli at the kept quality unless <paramref name="goOn"/> stops it.</summary>
    internal static byte[]? KeptBrotli(byte[] raw, Func<bool> goOn) => Compress(raw, Coding.Brotli, best: true, goOn);

    private bool IsCurrent(Entry entry) =>
        !_disposed && entry.Version >= _version.LastKnown
        && _entries.TryGetValue(entry.Key, out Entry? current) && ReferenceEquals(current, entry);

    /// <summary>Only while the entry is still the one kept under its key (not evicted nor replaced): the bound counts its new bytes.</summary>
    private void KeepIfCurrent(Entry entry)
    {
        if (!_disposed && _entries.TryGetValue(entry.Key, out Entry? current) && ReferenceEquals(current, entry))
        {
            Keep(entry);
        }
    }

    /// <summary>A kept response: its key, its own headers, the raw body and the compressed bodies made so far.</summary>
    private sealed class Entry(string key, long version, KeyValuePair<string, StringValues>[] headers, byte[] raw, DateTimeOffset expires)
    {
        public string Key { get; } = key;

        /// <summary>The data version the body was rendered from (part of <see cref="Key"/>).</summary>
        public long Version { get; } = version;

        public KeyValuePair<string, StringValues>[] Headers { get; } = headers;

        public byte[] Raw { get; } = raw;

        /// <summary>When the entry ends at the latest (kept again after a compression, it keeps this end).</summary>
        public DateTimeOffset Expires { get; } = expires;

        public volatile byte[]? Brotli;

        public volatile byte[]? Gzip;

        public byte[]? Coded(Coding coding) => coding == Coding.Brotli ? Brotli : Gzip;

        public void SetCoded(Coding coding, byte[] bytes)
        {
            if (coding == Coding.Brotli)
            {
                Brotli = bytes;
            }
            else
            {
                Gzip = bytes;
            }
        }

        /// <summary>A body in a format that is compressed already (PDF, the zip of an .xlsx): never compressed again.</summary>
        public bool IsCompressedFormat { get; } = IsCompressed(headers);

        public long Size => Raw.Length + (Brotli?.Length ?? 0) + (Gzip?.Length ?? 0) + 1024;

        public static Entry From(string key, long version, HttpResponse response, byte[] raw, DateTimeOffset expires) =>
            new(key, version, response.Headers.Where(h => !PerExchange.Contains(h.Key)).ToArray(), raw, expires);

        /// <summary>The content types whose bodies are compressed by their own format.</summary>
        private static readonly string[] CompressedTypes = ["application/pdf", "application/zip", "application/vnd.openxmlformats-officedocument."];

        private static bool IsCompressed(KeyValuePair<string, StringValues>[] headers) =>
            headers.FirstOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value.ToString() is { Length: > 0 } type
            && CompressedTypes.Any(t => type.StartsWith(t, StringComparison.OrdinalIgnoreCase));

        public static byte[]? Compress(byte[] raw, Func<Stream, Stream> wrap, Func<bool> goOn)
        {
            using var output = new MemoryStream(raw.Length / 4 + 64);
            using (var compressor = wrap(output))
            {
                for (var at = 0; at < raw.Length; at += RecompressChunkBytes)
                {
                    if (!goOn())
                    {
                        return null;
                    }

                    compressor.Write(raw, at, Math.Min(RecompressChunkBytes, raw.Length - at));
                }
            }

            return output.ToArray();
        }
    }
}

/// <summary>Registration and place in the pipeline of <see cref="ReadResponseCache"/>.</summary>
public static class ReadResponseCacheSetup
{
    /// <summary>Registers the cache and its options (section <c>ResponseCache</c>).</summary>
    public static IServiceCollection AddBluezoneResponseCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReadResponseCacheOptions>(configuration.GetSection("ResponseCache"));
        services.AddSingleton<BackgroundWork>();
        services.AddSingleton<ReadResponseCache>();
        return services;
    }

    /// <summary>After authorization and anti-forgery: only requests that passed every check reach the cache.</summary>
    public static IApplicationBuilder UseBluezoneResponseCache(this IApplicationBuilder app)
    {
        var cache = app.ApplicationServices.GetRequiredService<ReadResponseCache>();
        return app.Use((context, next) => cache.InvokeAsync(context, next));
    }
}
