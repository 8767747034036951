using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using BluezoneTracker.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// Opening a sign-in cookie per request (issue #13 point 3, docs/decisions/103): the framework's ticket format
/// (Data Protection: AES-256-CBC + HMAC-SHA256, then deserialisation) against <see cref="KeptTickets"/> on a hit
/// (a dictionary lookup and a deep copy). The ticket carries the claims the app's cookie carries.
/// </summary>
[MemoryDiagnoser]
public class TicketOpeningBenchmarks
{
    private TicketDataFormat _plain = null!;
    private KeptTickets _kept = null!;
    private string _cookie = null!;

    [GlobalSetup]
    public void Setup()
    {
        var protector = new EphemeralDataProtectionProvider()
            .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2");
        _plain = new TicketDataFormat(protector);
        _kept = new KeptTickets(_plain, TimeProvider.System);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
                new Claim(ClaimTypes.Name, "xem"),
                new Claim("AspNet.Identity.SecurityStamp", "JQ4E3S3ZP7QW5W2X7W5OT2ZK4FQJ3H6Y"),
                new Claim(ClaimTypes.Role, "Viewer"),
                new Claim("bz:area", "14"),
                new Claim("amr", "pwd"),
            ],
            "Identity.Application");
        var now = DateTimeOffset.UtcNow;
        _cookie = _plain.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(8), IsPersistent = true }, "Identity.Application"));
        _kept.Unprotect(_cookie);
    }

    /// <summary>Data Protection on every request (before decision 103).</summary>
    [Benchmark(Baseline = true)]
    public AuthenticationTicket? Decrypt() => _plain.Unprotect(_cookie);

    /// <summary>A kept ticket, copied.</summary>
    [Benchmark]
    public AuthenticationTicket? Kept() => _kept.Unprotect(_cookie);
}
