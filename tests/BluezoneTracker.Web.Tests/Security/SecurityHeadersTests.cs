using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Tests.Security;

public sealed class SecurityHeadersTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/health")]
    [InlineData("/css/site.css")]
    public async Task Responses_carry_a_strict_content_security_policy_and_no_sniffing(string url)
    {
        var response = await factory.AnonymousClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_have_no_inline_script_and_no_style_attributes()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        foreach (var url in new[] { "/", "/annex", "/admin", "/admin/users", "/admin/areas", "/admin/target", "/admin/settings", "/admin/audit", "/account/tokens" })
        {
            var page = await Html.ParseAsync(await admin.GetAsync(new Uri(url, UriKind.Relative)));
            // JSON data blocks are not run; anything else must come from a file.
            Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/json'])"));
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site_lax()
    {
        await factory.EnsureUserAsync("kiem-tra-cookie", Roles.Viewer, SignedInClients.Password);
        var client = factory.AnonymousClient(followRedirects: false);
        var response = await client.TrySignInAsync("kiem-tra-cookie", SignedInClients.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("bz.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_health_check_is_public_and_the_rest_is_not()
    {
        var anonymous = factory.AnonymousClient(followRedirects: false);
        var health = await anonymous.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

        var dashboard = await anonymous.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.StartsWith("/account/signin", dashboard.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

public sealed class DataProtectionKeyTests
{
    [Fact]
    public async Task A_sign_in_survives_a_restart_because_the_keys_are_in_the_database()
    {
        var cookies = new System.Net.CookieContainer();
        using var first = new BluezoneAppFactory();
        await first.EnsureUserAsync("ben-bi", Roles.Viewer, SignedInClients.Password);
        var client = first.CreateDefaultClient(new CookieContainerHandler(cookies));
        var signedIn = await client.TrySignInAsync("ben-bi", SignedInClients.Password);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.True(await first.QueryAsync(db => db.DataProtectionKeys.AnyAsync()));

        using var restarted = new SameDatabaseFactory(first.Folder);
        var again = restarted.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies));
        var response = await again.GetAsync(new Uri("/annex", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/annex", response.RequestMessage!.RequestUri!.AbsolutePath);
        // The annex is kept for every viewer: the user's own name comes in the uncached menu (docs/decisions/099).
        var menu = await again.GetAsync(new Uri("/account/menu", UriKind.Relative));
        Assert.Equal("ben-bi", (await Html.ParseAsync(menu)).QuerySelector("[data-testid=signed-in-as]")!.Text());
    }

    private sealed class SameDatabaseFactory(string folder) : BluezoneAppFactory(folder, ownsFolder: false);
}
