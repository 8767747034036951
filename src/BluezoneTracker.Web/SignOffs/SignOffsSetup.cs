namespace BluezoneTracker.Web.SignOffs;

/// <summary>Registers the sign-offs and what anonymous readers may see (signed-off dates only).</summary>
internal static class SignOffsSetup
{
    public static IServiceCollection AddBluezoneSignOffs(this IServiceCollection services)
    {
        services.AddScoped<SignOffs>();
        services.AddScoped<PublicAccess>();
        return services;
    }
}
