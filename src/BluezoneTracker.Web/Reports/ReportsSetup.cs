namespace BluezoneTracker.Web.Reports;

/// <summary>Registers the annex: the one source of its document for the page, the downloads and the API.</summary>
internal static class ReportsSetup
{
    public static IServiceCollection AddBluezoneReports(this IServiceCollection services)
    {
        services.AddScoped<AnnexSource>();
        return services;
    }
}
