using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BluezoneTracker.Web.Audit;

/// <summary>Registers the audit log and the interceptor that audits every revision the store saves.</summary>
internal static class AuditSetup
{
    public static IServiceCollection AddBluezoneAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddSingleton<RevisionAudit>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<RevisionAudit>());
        return services;
    }
}
