using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using BluezoneTracker.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// Hosts the real app over a real store of its own (one per factory, deleted afterwards), with the Sơn La
/// demo seed unless told otherwise. The store is a SQLite file, or — when <see cref="TestPostgres.Variable"/>
/// (BLUEZONE_TEST_POSTGRES) names a PostgreSQL server, as test.sh's second run does — a PostgreSQL database
/// of its own, created for the factory and dropped afterwards, so that test classes stay isolated and parallel.
/// </summary>
public class BluezoneAppFactory : WebApplicationFactory<Program>
{
    /// <summary>
    /// A rate limit (permits a minute) that no test run can reach: <see cref="int.MaxValue"/>, for the
    /// tests that are not about the limits themselves.
    /// </summary>
    public const string NoRateLimit = "2147483647";

    private readonly string _folder;
    private readonly bool _ownsFolder;
    private bool _databaseCreated;

    public BluezoneAppFactory()
        : this(Path.Combine(Path.GetTempPath(), "bluezone-tests", Guid.NewGuid().ToString("N")), ownsFolder: true)
    {
    }

    /// <summary>A second app over the database of another (as after a restart, or a second instance).</summary>
    protected BluezoneAppFactory(string folder, bool ownsFolder)
    {
        _folder = folder;
        _ownsFolder = ownsFolder;
        Directory.CreateDirectory(_folder);
    }

    public string Folder => _folder;

    /// <summary>The hosting environment; demo accounts are never created in "Production".</summary>
    protected virtual string EnvironmentName => "Testing";

    public string DatabasePath => Path.Combine(_folder, "bluezone.db");

    /// <summary>
    /// The engine of this factory's store: PostgreSQL when the run names a server, else SQLite. A factory
    /// whose test works on the SQLite file itself pins <see cref="StoreEngine.Sqlite"/> and says why.
    /// </summary>
    public virtual StoreEngine Engine => TestPostgres.Configured ? StoreEngine.Postgres : StoreEngine.Sqlite;

    /// <summary>The PostgreSQL database of this factory (named after its folder, so a second app over the same folder shares it).</summary>
    public string PostgresDatabase => "bz_" + Path.GetFileName(_folder.TrimEnd(Path.DirectorySeparatorChar));

    /// <summary>The connection string of this factory's PostgreSQL database.</summary>
    public string PostgresConnectionString => TestPostgres.ConnectionStringFor(PostgresDatabase);

    /// <summary>Extra configuration for a test class (e.g. "Seed:Demo" = "false").</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        if (Engine == StoreEngine.Postgres)
        {
            if (_ownsFolder && !_databaseCreated)
            {
                TestPostgres.CreateDatabase(PostgresDatabase);
                _databaseCreated = true;
            }

            builder.UseSetting(StoreProvider.ProviderKey, nameof(StoreEngine.Postgres));
            builder.UseSetting("ConnectionStrings:" + StoreProvider.PostgresConnectionName, PostgresConnectionString);
        }

        // Tests sign in many times from one address and call the API many times as one account; the
        // limits have their own tests (SignInProtectionTests, ApiHardeningTests, ProxyTests), which set
        // small ones. Any finite number here is a speed a fast machine can pass: CI's ConcurrentLoadTests
        // made 16 000 API reads as one viewer in 15 s and got 429s under a limit of 10 000 a minute.
        builder.UseSetting("RateLimits:SignInPerMinute", NoRateLimit);
        builder.UseSetting("RateLimits:ApiPerMinute", NoRateLimit);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        // The test server has no client address; give requests one so that audit rows show an IP.
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddress>());
    }

    private sealed class ClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder && _databaseCreated)
        {
            TestPostgres.DropDatabase(PostgresDatabase);
        }

        if (disposing && _ownsFolder)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a finalising connection; the temp folder is cleaned by the OS.
            }
        }
    }
}

/// <summary>Test-side configuration of the store's context, whichever engine (and so context type) the run uses.</summary>
public static class StoreContextConfiguration
{
    /// <summary>
    /// Adds to the options of <see cref="AppDbContext"/> and of <see cref="PostgresAppDbContext"/> (e.g. a command counter).
    /// The context is pooled: its options are built once, from the root services, so this configuration is a singleton.
    /// </summary>
    public static IServiceCollection ConfigureStoreContext(this IServiceCollection services, Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder> configure)
    {
        services.ConfigureDbContext<AppDbContext>(configure, ServiceLifetime.Singleton);
        services.ConfigureDbContext<PostgresAppDbContext>(configure, ServiceLifetime.Singleton);
        return services;
    }
}

/// <summary>
/// The app over a SQLite file whatever the run, for the tests of the SQLite file itself (a copy of the file,
/// its integrity check after a kill, a bulk fill written straight into it).
/// </summary>
public sealed class SqliteFileAppFactory : BluezoneAppFactory
{
    /// <inheritdoc/>
    public override StoreEngine Engine => StoreEngine.Sqlite;
}

/// <summary>The app with an empty database: no demo seed.</summary>
public sealed class EmptyAppFactory : BluezoneAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:Demo"] = "false" };
}
