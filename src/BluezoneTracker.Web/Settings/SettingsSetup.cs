using BluezoneTracker.Core.Reports;

namespace BluezoneTracker.Web.Settings;

/// <summary>Registers the report settings: defaults from configuration, an administrator's saved settings win.</summary>
internal static class SettingsSetup
{
    public static IServiceCollection AddBluezoneSettings(this IServiceCollection services, IConfiguration configuration)
    {
        // Defaults for the report settings; an administrator's saved settings (ReportSettingsStore) win.
        services.Configure<ReportSettings>(configuration.GetSection("Report"));
        services.Configure<ReportAreaOptions>(configuration.GetSection("Report"));
        services.AddScoped<ReportSettingsStore>();
        return services;
    }
}
