using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// Hosts the real app over a real SQLite file of its own (one per factory, deleted afterwards),
/// with the Sơn La demo seed unless told otherwise.
/// </summary>
public class BluezoneAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder;
    private readonly bool _ownsFolder;

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

    /// <summary>Extra configuration for a test class (e.g. "Seed:Demo" = "false").</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");

        // Tests sign in many times from one address; the sign-in limit has its own test.
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("RateLimits:ApiPerMinute", "10000");
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

/// <summary>The app with an empty database: no demo seed.</summary>
public sealed class EmptyAppFactory : BluezoneAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:Demo"] = "false" };
}
