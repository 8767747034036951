using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace BluezoneTracker.Web.Infrastructure;

/// <summary>
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR,
/// e.g. <c>172.16.0.0/12</c>): the reverse proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. Empty lists trust only the loopback address.
/// </summary>
public sealed class ProxyOptions
{
    public IList<string> KnownProxies { get; } = [];

    public IList<string> KnownNetworks { get; } = [];
}

/// <summary>
/// The client's address and the original scheme as a configured proxy reports them — and only such a
/// proxy: a header from anyone else is ignored, so a client cannot pick its rate-limit partition or its
/// audit IP. With the original scheme known, cookies get <c>Secure</c> and HSTS is sent behind a
/// TLS-terminating proxy (docs/decisions/022).
/// </summary>
internal static class ProxySetup
{
    public static IServiceCollection AddBluezoneProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = new ProxyOptions();
        configuration.GetSection("ForwardedHeaders").Bind(proxies);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = 1;
            foreach (var address in proxies.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(address.Trim()));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        return services;
    }
}
