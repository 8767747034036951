using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BluezoneTracker.Web.Data;

/// <summary><c>GET /health</c>: healthy when the store answers.</summary>
internal static class StoreHealth
{
    public static WebApplication MapBluezoneHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous().WithName("Health");
        return app;
    }
}

/// <summary>The store answers a connection attempt.</summary>
internal sealed class StoreHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Database unavailable.");
}
