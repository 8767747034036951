using BluezoneTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BluezoneTracker.Web.Data;

/// <summary>
/// The probes a container engine or a proxy asks, anonymous and answering only <c>Healthy</c> (200) or
/// <c>Unhealthy</c> (503) as plain text — the reason goes to the log, never to the caller:
/// <list type="bullet">
/// <item><c>/health/live</c> — the process answers requests; never touches the store, so a store outage
/// does not make an orchestrator restart every instance (which would not bring the store back).</item>
/// <item><c>/health/ready</c> — the store answers and every migration this build knows is applied, so an
/// instance started against an older schema or a lost database takes no traffic.</item>
/// <item><c>/health</c> — the same as ready, kept for the probes written before the split.</item>
/// </list>
/// See docs/decisions/075-liveness-and-readiness.md.
/// </summary>
internal static class StoreHealth
{
    /// <summary>The tag of the checks that readiness runs (liveness runs none).</summary>
    public const string ReadyTag = "ready";

    /// <summary>How long the store check may take before readiness reports Unhealthy.</summary>
    public static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    public static WebApplication MapBluezoneHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous().WithMetadata(new WithoutAreaScope()).WithName("HealthLive");
        app.MapHealthChecks("/health/ready", Ready()).AllowAnonymous().WithMetadata(new WithoutAreaScope()).WithName("HealthReady");
        app.MapHealthChecks("/health", Ready()).AllowAnonymous().WithMetadata(new WithoutAreaScope()).WithName("Health");
        return app;
    }

    private static HealthCheckOptions Ready() => new() { Predicate = check => check.Tags.Contains(ReadyTag) };
}

/// <summary>
/// Ready when the store accepts a connection and <c>GetPendingMigrationsAsync</c> is empty. A store that
/// cannot be reached throws; the health-check service turns that into Unhealthy and logs the exception.
/// </summary>
internal sealed class StoreHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The store does not accept connections.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied, first {pending[0]}.");
    }
}
