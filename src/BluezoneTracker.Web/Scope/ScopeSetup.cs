namespace BluezoneTracker.Web.Scope;

/// <summary>Registers the request's area (<see cref="AreaScope"/>), the area tree and the sentences worded for the area.</summary>
internal static class ScopeSetup
{
    public static IServiceCollection AddBluezoneScope(this IServiceCollection services)
    {
        services.AddScoped<AreaDirectoryQuery>();
        services.AddScoped<AreaScope>();
        services.AddScoped<Messages>();
        return services;
    }
}
