using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BluezoneTracker.Web.Data;

/// <summary>Registers the store (over the engine of Store:Provider) and prepares it at start-up (migrations, revision totals, demo seed).</summary>
internal static class DatabaseSetup
{
    public static IServiceCollection AddBluezoneStore(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SyntheticFigures>();

        // The interceptors other folders register (the audit of revisions: Audit/AuditSetup) see every save. The
        // context is pooled, so its options are built once from the root services: interceptors are singletons.
        StoreProvider.AddStoreContext(services, configuration, environment.ContentRootPath,
            (provider, options) => options.AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", failureStatus: null, tags: [StoreHealth.ReadyTag], timeout: StoreHealth.StoreTimeout);
        return services;
    }

    /// <summary>
    /// Applies pending migrations (waiting for a store that does not answer yet), does what the provider needs
    /// after them (SQLite: WAL) and loads the demo data when asked to.
    /// </summary>
    public static async Task PrepareStoreAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup));
        await StoreStartup.WaitAsync(
            ct => db.Database.MigrateAsync(ct), logger, scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
        await StoreProvider.AfterMigrateAsync(db, cancellationToken);

        // A store from before the per-revision totals (or with revisions an older build wrote meanwhile) gets them now.
        var filled = await RevisionTotals.FillMissingAsync(db, cancellationToken);
        if (filled > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Wrote the totals of {Count} stored revisions.", filled);
        }

        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        await DemoSeed.ApplyAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), DemoSeed.Mode(configuration), cancellationToken);
        scope.ServiceProvider.GetRequiredService<SyntheticFigures>().Present =
            await db.Areas.AnyAsync(a => a.PopulationSource == Core.Seed.NationalSample.SyntheticSource, cancellationToken);
    }
}
