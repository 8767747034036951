namespace BluezoneTracker.Web.Snapshots;

/// <summary>Registers the intake of counts (grid, upload, API, the <c>import</c> command) and the reporting status.</summary>
internal static class SnapshotsSetup
{
    public static IServiceCollection AddBluezoneSnapshots(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportOptions>(configuration.GetSection("Import"));
        services.AddScoped<SnapshotIntake>();
        services.AddScoped<ImportMessages>();
        services.AddSingleton<PendingUploads>();
        services.AddScoped<ReportingStatusQuery>();
        services.AddScoped<SnapshotDays>();
        return services;
    }
}
