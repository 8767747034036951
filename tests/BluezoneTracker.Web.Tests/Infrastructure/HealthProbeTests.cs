using System.Data.Common;
using System.Net;
using BluezoneTracker.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// Liveness (<c>/health/live</c>: the process answers, the store is not asked) and readiness
/// (<c>/health/ready</c>, and <c>/health</c> as before: the store answers and no migration is pending),
/// anonymous, and saying nothing but Healthy or Unhealthy (docs/decisions/075).
/// </summary>
public sealed class HealthProbeTests
{
    private static readonly string[] Probes = ["/health/live", "/health/ready", "/health"];

    private static async Task<(HttpStatusCode Status, string Body)> AskAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_probe_answers_healthy_to_anyone_and_is_never_cached()
    {
        using var factory = new BluezoneAppFactory();
        var anonymous = factory.AnonymousClient(followRedirects: false);
        foreach (var path in Probes)
        {
            using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl?.NoStore ?? false, path + " must not be cached by a proxy");
        }
    }

    [Fact]
    public async Task Readiness_fails_while_a_migration_is_pending_and_liveness_does_not()
    {
        using var factory = new BluezoneAppFactory();
        var anonymous = factory.AnonymousClient(followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, (await AskAsync(anonymous, "/health/ready")).Status);

        // The store as an older build left it: the newest migration this build knows is not recorded as applied.
        var newest = await factory.QueryAsync(db => Task.FromResult(db.Database.GetMigrations().Last()));
        var removed = await factory.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {newest}"));
        Assert.Equal(1, removed);

        foreach (var path in new[] { "/health/ready", "/health" })
        {
            var (status, body) = await AskAsync(anonymous, path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", body);
        }

        Assert.Equal((HttpStatusCode.OK, "Healthy"), await AskAsync(anonymous, "/health/live"));
    }

    [Fact]
    public async Task Readiness_fails_while_the_store_is_unreachable_liveness_does_not_and_readiness_recovers()
    {
        using var factory = new OutageFactory();
        var anonymous = factory.AnonymousClient(followRedirects: false);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await AskAsync(anonymous, "/health/ready"));

        factory.Outage.Down = true;
        foreach (var path in new[] { "/health/ready", "/health" })
        {
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await AskAsync(anonymous, path));
        }

        Assert.Equal((HttpStatusCode.OK, "Healthy"), await AskAsync(anonymous, "/health/live"));
        Assert.True(factory.Outage.Refused > 0, "the readiness check must have tried the store");

        factory.Outage.Down = false;
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await AskAsync(anonymous, "/health/ready"));
    }

    /// <summary>The app over its own store, whose connections can be made to fail as when the database server is down.</summary>
    private sealed class OutageFactory : BluezoneAppFactory
    {
        public StoreOutage Outage { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureStoreContext(o => o.AddInterceptors(Outage)));
        }
    }

    /// <summary>Refuses to open any connection of the app's context while <see cref="Down"/> is set, on every provider.</summary>
    private sealed class StoreOutage : DbConnectionInterceptor
    {
        private int _refused;

        public volatile bool Down;

        public int Refused => _refused;

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            Refuse();
            return result;
        }

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Refuse();
            return ValueTask.FromResult(result);
        }

        private void Refuse()
        {
            if (Down)
            {
                Interlocked.Increment(ref _refused);
                throw new StoreUnreachableException();
            }
        }
    }

    private sealed class StoreUnreachableException() : DbException("The store's server does not answer (simulated outage).");
}
