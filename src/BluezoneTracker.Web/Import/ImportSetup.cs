using BluezoneTracker.Web.Localization;

namespace BluezoneTracker.Web.Import;

internal static class ImportSetup
{
    public static IServiceCollection AddBluezoneImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportOptions>(configuration.GetSection("Import"));
        services.AddHttpContextAccessor();
        services.AddScoped<SnapshotIntake>();
        services.AddScoped<ImportMessages>();
        services.AddSingleton<PendingUploads>();
        return services;
    }
}
