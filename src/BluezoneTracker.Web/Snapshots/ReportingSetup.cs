using BluezoneTracker.Web.Figures;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>Registers the reporting-status services: who has reported, and the list of dates.</summary>
public static class ReportingSetup
{
    public static IServiceCollection AddBluezoneReporting(this IServiceCollection services)
    {
        services.AddScoped<ReportingStatusQuery>();
        services.AddScoped<SnapshotDays>();
        services.AddScoped<AreaHistoryQuery>();
        return services;
    }
}
