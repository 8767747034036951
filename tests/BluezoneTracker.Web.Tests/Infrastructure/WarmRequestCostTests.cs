using System.Net;
using System.Net.Http.Headers;
using System.IO.Compression;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// What a warm read of a kept response still costs before the cache answers it (issue #13 point 3,
/// docs/decisions/140): the area scope resolves from the kept directory without constructing a store context,
/// while every check before the cache — the area scope's 403, the session check — still runs, and the CSV, which
/// skips the compression middleware, is still sent compressed by the cache.
/// </summary>
public sealed class WarmRequestCostTests : IDisposable
{
    private readonly ContextCountingFactory _server = new();

    public void Dispose() => _server.Dispose();

    /// <summary>Counts the store contexts constructed in a request's own services (not those of a background read).</summary>
    private sealed class ContextCountingFactory : BluezoneAppFactory
    {
        private int _contexts;

        public CommandCounter Commands { get; } = new();

        public int Contexts => Volatile.Read(ref _contexts);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s =>
            {
                s.CountQueriesWith(Commands);
                // Options are built once per context (scoped): counted when built for the request's own scope.
                void Count(IServiceProvider services, DbContextOptionsBuilder _)
                {
                    if (services.GetService<IHttpContextAccessor>()?.HttpContext?.RequestServices is { } request && ReferenceEquals(request, services))
                    {
                        Interlocked.Increment(ref _contexts);
                    }
                }

                s.ConfigureDbContext<AppDbContext>(Count);
                s.ConfigureDbContext<PostgresAppDbContext>(Count);
            });
        }
    }

    public static TheoryData<string> KeptUrls => new() { "/", "/annex", "/api/annex", "/annex.csv", "/annex.xlsx", "/annex.pdf" };

    [Theory]
    [MemberData(nameof(KeptUrls))]
    public async Task A_warm_kept_read_constructs_no_store_context(string url)
    {
        var viewer = await _server.ClientForAsync(Roles.Viewer);
        var first = await viewer.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        var before = _server.Contexts;

        var second = await viewer.GetByteArrayAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(0, _server.Contexts - before);
        Assert.Equal(first, second);
    }

    /// <summary>The counter sees what it should: a cold read (after a write) does construct the request's context.</summary>
    [Fact]
    public async Task A_cold_read_constructs_its_context()
    {
        var viewer = await _server.ClientForAsync(Roles.Viewer);
        await viewer.GetByteArrayAsync(new Uri("/annex.csv", UriKind.Relative));
        _server.Services.GetRequiredService<DataVersion>().Bump();
        var before = _server.Contexts;

        await viewer.GetByteArrayAsync(new Uri("/annex.csv", UriKind.Relative));

        Assert.True(_server.Contexts - before >= 1);
    }

    /// <summary>
    /// A district account is refused another district's kept page although the directory it is checked against
    /// comes from memory without a store context (the area scope runs before the cache, decision 099), and gets its own.
    /// </summary>
    [Fact]
    public async Task The_area_scope_still_refuses_another_districts_kept_page()
    {
        await _server.EnsureUserAsync("xem-tinh-csv", Roles.Viewer, SignedInClients.Password);
        await _server.EnsureUserAsync("xem-moc-chau-csv", Roles.Viewer, SignedInClients.Password);
        await _server.QueryAsync(async db =>
        {
            var user = db.Users.Single(u => u.UserName == "xem-moc-chau-csv");
            user.AreaId = db.Areas.Single(a => a.Code == "123").Id;
            return await db.SaveChangesAsync();
        });
        var province = await _server.SignInAsync("xem-tinh-csv", SignedInClients.Password);
        var district = await _server.SignInAsync("xem-moc-chau-csv", SignedInClients.Password);
        var other = new Uri("/areas/119/", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync(other)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync(other)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync(new Uri("/areas/123/", UriKind.Relative))).StatusCode);
        var before = _server.Contexts;

        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync(other)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync(other)).StatusCode);
        Assert.Equal(0, _server.Contexts - before);
    }

    [Fact]
    public async Task The_csv_skips_the_compression_middleware_and_is_still_sent_compressed_by_the_cache()
    {
        var csv = new DefaultHttpContext();
        csv.Request.Path = "/annex.CSV";
        var page = new DefaultHttpContext();
        page.Request.Path = "/annex";
        Assert.False(WebSetup.CompressionApplies(csv));
        Assert.True(WebSetup.CompressionApplies(page));

        var viewer = await _server.ClientForAsync(Roles.Viewer);
        var raw = await viewer.GetByteArrayAsync(new Uri("/annex.csv", UriKind.Relative));
        foreach (var (coding, decode) in new (string, Func<Stream, Stream>)[]
                 {
                     ("br", s => new BrotliStream(s, CompressionMode.Decompress)),
                     ("gzip", s => new GZipStream(s, CompressionMode.Decompress)),
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/annex.csv", UriKind.Relative));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
            using var response = await viewer.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([coding], response.Content.Headers.ContentEncoding);
            await using var body = decode(await response.Content.ReadAsStreamAsync());
            using var decoded = new MemoryStream();
            await body.CopyToAsync(decoded);
            Assert.Equal(raw, decoded.ToArray());
        }
    }
}
