using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Security;

/// <summary>
/// Behind a TLS-terminating proxy: X-Forwarded-* believed from the configured proxy only; then the
/// cookies are Secure and HSTS is sent (issue #15, point 7).
/// </summary>
public sealed class ProxyTests(ProxyTests.BehindProxy factory) : IClassFixture<ProxyTests.BehindProxy>
{
    public const string Proxy = "10.0.0.2";

    /// <summary>The app configured to trust 10.0.0.2; a test sets the peer address with the X-Test-Peer header.</summary>
    public sealed class BehindProxy : BluezoneAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = Proxy };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, Peer>());
        }

        private sealed class Peer : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    if (context.Request.Headers["X-Test-Peer"].ToString() is { Length: > 0 } peer)
                    {
                        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                    }

                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }

    /// <summary>
    /// Signs in through the form as a browser behind the proxy would. Cookies are carried by hand: over
    /// forwarded https they are Secure, which the test client (plain http to the test server) would drop.
    /// </summary>
    private async Task<HttpResponseMessage> SignInAsync(string peer, string userName)
    {
        await factory.EnsureUserAsync(userName, Roles.Viewer, SignedInClients.Password);
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        foreach (var (name, value) in new[] { ("X-Test-Peer", peer), ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Host", "bluezone.sonla.example") })
        {
            client.DefaultRequestHeaders.Add(name, value);
        }

        var get = await client.GetAsync(new Uri("/account/signin", UriKind.Relative));
        var cookies = string.Join("; ", get.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var page = await Html.ParseAsync(get);
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/signin", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = page.AntiforgeryToken(),
                ["Input.UserName"] = userName,
                ["Input.Password"] = SignedInClients.Password,
            }),
        };
        post.Headers.Add("Cookie", cookies);
        return await client.SendAsync(post);
    }

    [Fact]
    public async Task From_the_configured_proxy_the_original_scheme_gives_secure_cookies_hsts_and_the_client_address()
    {
        var response = await SignInAsync(Proxy, "sau-proxy");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bz.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var signIn = (await factory.AuditAsync(AuditKinds.SignIn)).Last(a => a.Subject == "sau-proxy");
        Assert.Equal("203.0.113.7", signIn.IpAddress);
    }

    [Fact]
    public async Task From_anyone_else_the_forwarded_headers_are_ignored()
    {
        var response = await SignInAsync("198.51.100.9", "gia-proxy");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bz.auth=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        var signIn = (await factory.AuditAsync(AuditKinds.SignIn)).Last(a => a.Subject == "gia-proxy");
        Assert.Equal("198.51.100.9", signIn.IpAddress);
    }
}

/// <summary>The security headers on every kind of response the app can influence (issue #15, point 9).</summary>
public sealed class SecurityHeadersEverywhereTests(SecurityHeadersEverywhereTests.OnePerMinute factory) : IClassFixture<SecurityHeadersEverywhereTests.OnePerMinute>
{
    public sealed class OnePerMinute : BluezoneAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:ApiPerMinute", "1");
        }
    }

    private static void AssertHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), what);
        Assert.Contains("frame-ancestors 'none'", csp!.Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"), what);
        Assert.False(response.Headers.Contains("Server"), what);
    }

    [Fact]
    public async Task Status_pages_problems_rejections_and_static_files_carry_the_headers()
    {
        var anonymous = factory.AnonymousClient(followRedirects: false);
        var viewer = await factory.ClientForAsync(Roles.Viewer, followRedirects: false);
        var cases = new List<(string What, HttpResponseMessage Response)>
        {
            ("404 page", await viewer.GetAsync(new Uri("/khong-co-trang-nay", UriKind.Relative))),
            ("403 page", await viewer.GetAsync(new Uri("/admin", UriKind.Relative))),
            ("401 problem", await anonymous.GetAsync(new Uri("/api/annex", UriKind.Relative))),
            ("400 audit date", await (await factory.ClientForAsync(Roles.Admin)).GetAsync(new Uri("/admin/audit?to=9999-12-31", UriKind.Relative))),
            ("400 anti-forgery", await viewer.PostAsync(new Uri("/account/password", UriKind.Relative), new FormUrlEncodedContent([]))),
            ("static file", await anonymous.GetAsync(new Uri("/css/site.css", UriKind.Relative))),
            ("redirect", await anonymous.GetAsync(new Uri("/", UriKind.Relative))),
        };
        cases.Add(("429 API", await anonymous.GetAsync(new Uri("/api/annex", UriKind.Relative))));

        Assert.Equal(HttpStatusCode.TooManyRequests, cases[^1].Response.StatusCode);
        Assert.True(cases[^1].Response.Headers.RetryAfter is not null);
        foreach (var (what, response) in cases)
        {
            AssertHeaders(response, what);
        }
    }
}
