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
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// What a warm read of a kept response still costs before the cache answers it (issue #13 point 3,
/// docs/decisions/140 and 145): the store context is pooled, so a request leases one — its options are built once
/// per process, never per request — and a warm read runs no query and opens no connection through it, while every
/// check before the cache — the area scope's 403, the session check — still runs, and the CSV, which skips the
/// compression middleware, is still sent compressed by the cache.
/// <para>
/// Before pooling (decision 140) "a warm read costs no store work" was observed as "no context options built in the
/// request's scope". With a pool the options are built once and a context is leased, reset, not constructed, so the
/// observation is now: no options built, no command and no connection opened by the app's contexts during the warm
/// request, and the context a scope gets is a pooled one (<see cref="The_store_context_is_pooled_with_options_built_once"/>).
/// </para>
/// </summary>
public sealed class WarmRequestCostTests : IDisposable
{
    private readonly ContextCountingFactory _server = new();

    public void Dispose() => _server.Dispose();

    /// <summary>Counts the store contexts' options built, their commands and the connections they open.</summary>
    private sealed class ContextCountingFactory : BluezoneAppFactory
    {
        private int _optionsBuilt;

        public CommandCounter Commands { get; } = new();

        public ConnectionCounter Connections { get; } = new();

        public int OptionsBuilt => Volatile.Read(ref _optionsBuilt);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s =>
            {
                s.CountQueriesWith(Commands);
                s.ConfigureStoreContext(o => o.AddInterceptors(Connections));
                void Count(IServiceProvider services, DbContextOptionsBuilder _) => Interlocked.Increment(ref _optionsBuilt);
                s.ConfigureDbContext<AppDbContext>(Count, ServiceLifetime.Singleton);
                s.ConfigureDbContext<PostgresAppDbContext>(Count, ServiceLifetime.Singleton);
            });
        }
    }

    /// <summary>Counts the connections the app's contexts open (not the plain ADO.NET reads of the data version).</summary>
    private sealed class ConnectionCounter : DbConnectionInterceptor
    {
        private int _opened;

        public int Opened => Volatile.Read(ref _opened);

        public override InterceptionResult ConnectionOpening(System.Data.Common.DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            Interlocked.Increment(ref _opened);
            return result;
        }

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(System.Data.Common.DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _opened);
            return ValueTask.FromResult(result);
        }
    }

    private (int Options, int Commands, int Connections) Counts() => (_server.OptionsBuilt, _server.Commands.Count, _server.Connections.Opened);

    public static TheoryData<string> KeptUrls => new() { "/", "/annex", "/api/annex", "/annex.csv", "/annex.xlsx", "/annex.pdf" };

    [Theory]
    [MemberData(nameof(KeptUrls))]
    public async Task A_warm_kept_read_builds_no_context_options_and_does_no_store_work(string url)
    {
        var viewer = await _server.ClientForAsync(Roles.Viewer);
        var first = await viewer.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        var before = Counts();

        var second = await viewer.GetByteArrayAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(before, Counts());
        Assert.Equal(first, second);
    }

    /// <summary>The counters see what they should: a cold read (after a write) queries through a leased context, whose options were built before.</summary>
    [Fact]
    public async Task A_cold_read_queries_through_a_leased_context()
    {
        var viewer = await _server.ClientForAsync(Roles.Viewer);
        await viewer.GetByteArrayAsync(new Uri("/annex.csv", UriKind.Relative));
        _server.Services.GetRequiredService<DataVersion>().Bump();
        var before = Counts();

        await viewer.GetByteArrayAsync(new Uri("/annex.csv", UriKind.Relative));

        var after = Counts();
        Assert.True(after.Commands > before.Commands, "A cold read runs its queries.");
        Assert.True(after.Connections > before.Connections, "A cold read opens its context's connection.");
        Assert.Equal(before.Options, after.Options);
        Assert.Equal(1, after.Options);
    }

    /// <summary>
    /// Two scopes one after the other get the same context instance, leased again (<see cref="DbContextId.Lease"/>
    /// counts the leases of a pooled instance; it is 0 for a context that is not pooled), reset in between, over the
    /// one options object — and the interceptors registered for the store still see its commands.
    /// </summary>
    [Fact]
    public async Task The_store_context_is_pooled_with_options_built_once()
    {
        DbContextId first;
        object firstOptions;
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            first = db.ContextId;
            firstOptions = scope.ServiceProvider.GetRequiredService(db.GetType() == typeof(PostgresAppDbContext)
                ? typeof(DbContextOptions<PostgresAppDbContext>)
                : typeof(DbContextOptions<AppDbContext>));
            _ = await db.Areas.FirstAsync();
            Assert.NotEmpty(db.ChangeTracker.Entries());
        }

        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var second = db.ContextId;
            Assert.Equal(first.InstanceId, second.InstanceId);
            Assert.True(first.Lease >= 1, "A pooled context counts its leases.");
            Assert.Equal(first.Lease + 1, second.Lease);
            Assert.Empty(db.ChangeTracker.Entries());
            Assert.Same(firstOptions, scope.ServiceProvider.GetRequiredService(firstOptions.GetType()));
            var commands = _server.Commands.Count;
            _ = await db.Areas.CountAsync();
            Assert.Equal(commands + 1, _server.Commands.Count);
        }

        Assert.Equal(1, _server.OptionsBuilt);
    }

    /// <summary>
    /// A district account is refused another district's kept page although the directory it is checked against
    /// comes from memory without store work (the area scope runs before the cache, decision 099), and gets its own.
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
        var before = Counts();

        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync(other)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync(other)).StatusCode);
        Assert.Equal(before, Counts());
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
