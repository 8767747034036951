using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// Hosts the real app over a real SQLite file of its own (one per factory, deleted afterwards),
/// with the Sơn La demo seed unless told otherwise.
/// </summary>
public class BluezoneAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bluezone-tests", Guid.NewGuid().ToString("N"));

    public BluezoneAppFactory()
    {
        Directory.CreateDirectory(_folder);
    }

    public string DatabasePath => Path.Combine(_folder, "bluezone.db");

    /// <summary>Extra configuration for a test class (e.g. "Seed:Demo" = "false").</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");

        // Tests sign in many times from one address; the sign-in limit has its own test.
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("RateLimits:ApiPerMinute", "10000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
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
