namespace BluezoneTracker.Web.Infrastructure;

/// <summary>
/// Endpoint metadata: the request needs no area, so <c>AreaRouting.UseAreaScope</c> (Scope) does not resolve
/// one (resolving reads the store) unless the request names an area (<c>/areas/{code}/…</c> or <c>?area=</c>),
/// which is still checked against the account. The health probes carry it: liveness must answer while the
/// store is down, and readiness must say Unhealthy then, not fail with a 500 before its check runs.
/// </summary>
public sealed class WithoutAreaScope;
