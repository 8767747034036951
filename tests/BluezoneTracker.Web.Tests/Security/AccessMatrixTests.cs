using System.Net;
using System.Text;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Security;

/// <summary>
/// Anonymous, Viewer, Staff, Director and Admin against every page handler and API endpoint the app
/// maps (read from its own EndpointDataSource, so a page added later is covered without editing
/// this test). What each needs is stated here, by path, independently of the app's own metadata.
/// </summary>
public sealed class AccessMatrixTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private static readonly string?[] Callers = [null, Roles.Viewer, Roles.Staff, Roles.Director, Roles.Admin];

    /// <summary>The role a request needs: null for public endpoints; Viewer (any signed-in user) unless a rule says more.</summary>
    public static string? Required(string method, string path)
    {
        var p = path.ToLowerInvariant();
        if (p is "/account/signin" or "/error" or "/culture" or "/health")
        {
            return null;
        }

        if (p.StartsWith("/admin", StringComparison.Ordinal))
        {
            return Roles.Admin;
        }

        if (p.StartsWith("/annex/signoff", StringComparison.Ordinal))
        {
            return Roles.Director;
        }

        if (p.StartsWith("/snapshots", StringComparison.Ordinal) || p.StartsWith("/account/tokens", StringComparison.Ordinal)
            || (method == "POST" && p.StartsWith("/api/snapshots", StringComparison.Ordinal)))
        {
            return Roles.Staff;
        }

        return Roles.Viewer;
    }

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_the_access_rules_say()
    {
        var probes = await ProbesAsync();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Callers)
        {
            clients[role ?? "anonymous"] = role is null ? factory.AnonymousClient(followRedirects: false) : await factory.ClientForAsync(role, followRedirects: false);
        }

        var failures = new StringBuilder();
        foreach (var probe in probes)
        {
            var needed = Required(probe.Method, probe.Path);
            foreach (var role in Callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url);
                if (probe.Method == "POST")
                {
                    request.Content = new FormUrlEncodedContent([]);
                }

                var response = await clients[role ?? "anonymous"].SendAsync(request);
                var expected = Expected(role, needed, probe.Path);
                var actual = Classify(response);
                if (expected != actual)
                {
                    failures.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{probe.Method} {probe.Url} as {role ?? "anonymous"}: expected {expected}, got {actual} ({(int)response.StatusCode})");
                }
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public async Task The_endpoint_list_includes_pages_handlers_and_api_endpoints()
    {
        var probes = await ProbesAsync();
        var seen = probes.Select(p => $"{p.Method} {p.Url}").ToList();
        Assert.Contains("GET /admin/users", seen);
        Assert.Contains("POST /admin/users/sample?handler=Role", seen);
        Assert.Contains("POST /annex/signoff", seen);
        Assert.Contains("POST /account/tokens?handler=Revoke", seen);
        Assert.Contains("GET /api/annex", seen);
        Assert.Contains("GET /health", seen);
        Assert.Contains("GET /admin/areas/new", seen);
        Assert.Contains("POST /admin/areas/new", seen);
        Assert.Contains("GET /account/password", seen);
        Assert.Contains("POST /account/password", seen);
    }

    [Theory]
    [InlineData("GET", "/admin/areas/new", Roles.Admin)]
    [InlineData("POST", "/admin/areas/new", Roles.Admin)]
    [InlineData("GET", "/account/password", Roles.Viewer)]
    [InlineData("POST", "/account/password", Roles.Viewer)]
    public void Adding_an_area_needs_an_admin_and_changing_ones_password_any_signed_in_user(string method, string path, string role) =>
        Assert.Equal(role, Required(method, path));

    private static Outcome Expected(string? role, string? needed, string path)
    {
        if (needed is null)
        {
            return Outcome.Allowed;
        }

        if (role is null)
        {
            return path.StartsWith("/api", StringComparison.OrdinalIgnoreCase) ? Outcome.Unauthorized : Outcome.RedirectToSignIn;
        }

        return Roles.Includes(role, needed) ? Outcome.Allowed : Outcome.Forbidden;
    }

    private static Outcome Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Redirect or HttpStatusCode.Found when response.Headers.Location?.OriginalString.Contains("/account/signin", StringComparison.OrdinalIgnoreCase) == true
            => Outcome.RedirectToSignIn,
        HttpStatusCode.Unauthorized => Outcome.Unauthorized,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        >= HttpStatusCode.InternalServerError => Outcome.ServerError,
        _ => Outcome.Allowed,
    };

    /// <summary>One request per page handler (GET, POST, named handlers) and per API endpoint and method.</summary>
    private async Task<IReadOnlyList<Probe>> ProbesAsync()
    {
        var services = factory.Services;
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var loader = services.GetRequiredService<PageLoader>();
        var probes = new List<Probe>();
        foreach (var endpoint in endpoints)
        {
            var path = Path(endpoint.RoutePattern.RawText ?? string.Empty);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    var url = handler.Name is null ? path : $"{path}?handler={handler.Name}";
                    probes.Add(new Probe(method, path, url));
                }

                if (compiled.HandlerMethods.Count == 0)
                {
                    probes.Add(new Probe("GET", path, path));
                }
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                probes.AddRange(methods.Select(m => new Probe(m, path, path)));
            }
        }

        return [.. probes.DistinctBy(p => (p.Method, p.Url))];
    }

    /// <summary>The route with sample values: a real date of the demo seed, the province's code, else "sample".</summary>
    private static string Path(string pattern)
    {
        var segments = pattern.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment =>
        {
            if (!segment.StartsWith('{'))
            {
                return segment;
            }

            var name = segment.Trim('{', '}', '*', '?').Split(':', '=')[0].ToLowerInvariant();
            return name switch
            {
                "date" => "2020-08-17",
                "code" or "area" => "14",
                _ when segment.Contains(":int", StringComparison.Ordinal) => "1",
                _ => segment.EndsWith("?}", StringComparison.Ordinal) ? null : "sample",
            };
        }).Where(s => s is not null);
        return "/" + string.Join('/', segments);
    }

    private enum Outcome
    {
        Allowed,
        RedirectToSignIn,
        Unauthorized,
        Forbidden,
        ServerError,
    }

    private sealed record Probe(string Method, string Path, string Url);
}
