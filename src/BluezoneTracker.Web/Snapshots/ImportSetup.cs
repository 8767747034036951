using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Infrastructure;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Scope;

namespace BluezoneTracker.Web.Snapshots;

internal static class ImportSetup
{
    /// <summary>
    /// What every way counts come in needs — the store, the figures and the intake with its messages —
    /// registered once for the web app (Program) and the <c>import</c> command alike.
    /// </summary>
    public static IServiceCollection AddBluezoneIntake(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddBluezoneStore(configuration, environment);
        services.AddBluezoneFigures(configuration);
        services.Configure<ImportOptions>(configuration.GetSection("Import"));
        services.AddHttpContextAccessor();
        services.AddLocalization();
        services.AddScoped<Messages>();
        services.AddScoped<SnapshotIntake>();
        services.AddScoped<ImportMessages>();
        services.AddSingleton<PendingUploads>();
        return services;
    }
}
