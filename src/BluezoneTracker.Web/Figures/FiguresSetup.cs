using BluezoneTracker.Web.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BluezoneTracker.Web.Figures;

/// <summary>Registers the figures: the data version, the cache, the queries and the deployment area's options.</summary>
internal static class FiguresSetup
{
    public static IServiceCollection AddBluezoneFigures(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton(provider => new DataVersion(provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<TimeProvider>()));
        services.Configure<DeploymentOptions>(configuration.GetSection("Deployment"));

        // The national demo serves the country: its deployment area is Việt Nam, whatever appsettings.json says (Sơn La).
        if (DemoSeed.Mode(configuration) == DemoData.National)
        {
            services.PostConfigure<DeploymentOptions>(o => o.AreaCode = Core.Seed.NationalSample.CountryCode);
        }

        services.Configure<FiguresCacheOptions>(configuration.GetSection("Figures:Cache"));
        services.AddSingleton<FiguresCache>();
        services.AddScoped<FiguresQuery>();
        services.AddScoped<SeriesQuery>();
        services.AddScoped<AreaHistoryQuery>();
        return services;
    }
}
