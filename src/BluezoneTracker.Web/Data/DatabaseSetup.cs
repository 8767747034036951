using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BluezoneTracker.Web.Data;

/// <summary>Registers the store and prepares it at start-up (migrations, WAL, demo seed).</summary>
internal static class DatabaseSetup
{
    public static IServiceCollection AddBluezoneStore(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var connectionString = SqliteConnectionString(configuration.GetConnectionString("Default"), environment.ContentRootPath);
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SyntheticFigures>();

        // The interceptors other folders register (the audit of revisions: Audit/AuditSetup) see every save.
        services.AddDbContext<AppDbContext>((provider, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", failureStatus: null, tags: [StoreHealth.ReadyTag], timeout: StoreHealth.StoreTimeout);
        return services;
    }

    /// <summary>Applies pending migrations, switches SQLite to WAL and loads the demo data when asked to.</summary>
    public static async Task PrepareStoreAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a revision is being written; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        await DemoSeed.ApplyAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), DemoSeed.Mode(configuration), cancellationToken);
        scope.ServiceProvider.GetRequiredService<SyntheticFigures>().Present =
            await db.Areas.AnyAsync(a => a.PopulationSource == Core.Seed.NationalSample.SyntheticSource, cancellationToken);
    }

    /// <summary>
    /// The configured connection string, or a file in data/ under the content root. A relative
    /// file name is taken relative to the content root, and its folder is created.
    /// </summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=data/bluezone.db" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        // A writer that finds the file locked waits instead of failing: Microsoft.Data.Sqlite retries a
        // busy or locked database until the command timeout ("Default Timeout", 30 s unless configured).
        builder.Pooling = true;
        return builder.ToString();
    }
}
