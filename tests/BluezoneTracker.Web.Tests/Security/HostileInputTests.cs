using System.Net;
using System.Text;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Security;

/// <summary>
/// No input answers 5xx: every page handler and API endpoint from the app's own endpoint list gets
/// every value of <see cref="HostileInputs"/> in each of its parameters (route, query, form) and every
/// hostile body, as an administrator with a valid anti-forgery token, so that the request reaches the
/// handler instead of stopping at the door.
/// </summary>
public sealed class HostileInputTests(BluezoneAppFactory factory, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<BluezoneAppFactory>
{
    // Handlers that end the caller's own session; each is probed, but with a client of its own.
    private static readonly string[] SessionEnders = ["/account/signout", "/account/password"];

    [Fact]
    public async Task No_parameter_of_any_endpoint_answers_5xx_to_hostile_values()
    {
        // A page reached by several routes ("/", "/dashboard") is walked once.
        var probes = (await AppEndpoints.ProbesAsync(factory.Services)).DistinctBy(p => (p.Method, p.Handler)).ToList();
        Assert.Contains(probes, p => p.Parameters.Any(q => q.Source == ParameterSource.Form));
        Assert.Contains(probes, p => p.Parameters.Any(q => q.Source == ParameterSource.Query));
        Assert.Contains(probes, p => p.Parameters.Any(q => q.Source == ParameterSource.Route));

        var failures = new StringBuilder();
        var requests = 0;
        var session = await AdminSessionAsync("hostile-admin");
        foreach (var probe in probes)
        {
            var own = SessionEnders.Any(s => probe.Path.StartsWith(s, StringComparison.OrdinalIgnoreCase));
            var (client, token) = own ? await AdminSessionAsync("hostile-" + probe.Path.Replace('/', '-')) : session;
            foreach (var parameter in probe.Parameters)
            {
                // A NUL in the path never reaches the app: Kestrel refuses the request line itself (400),
                // and the test host cannot even build such a request.
                foreach (var value in HostileInputs.Values.Where(v => parameter.Source != ParameterSource.Route || !v.Contains('\0', StringComparison.Ordinal)))
                {
                    using var request = Build(probe, parameter, value, token);
                    var response = await client.SendAsync(request);
                    requests++;
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{probe.Method} {request.RequestUri} ({parameter.Source} {parameter.Name} = {Shown(value)}): {(int)response.StatusCode}");
                    }
                }
            }
        }

        output.WriteLine($"{requests} requests to {probes.Count} handlers");
        Assert.True(requests > 1_000, $"only {requests} requests");
        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public async Task No_post_answers_5xx_to_a_hostile_body()
    {
        var probes = (await AppEndpoints.ProbesAsync(factory.Services)).Where(p => p.Method == "POST").DistinctBy(p => p.Handler).ToList();
        var failures = new StringBuilder();
        foreach (var probe in probes)
        {
            var (client, token) = await AdminSessionAsync("hostile-body-" + probe.Path.Replace('/', '-'));
            foreach (var (name, body) in HostileInputs.Bodies())
            {
                var url = probe.Url + (probe.Url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "__RequestVerificationToken=" + Uri.EscapeDataString(token);
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body() };
                request.Headers.Add("Origin", "http://localhost");
                request.Headers.Add(ApiForgeryCheck.HeaderName, token);
                var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"POST {probe.Url} ({name}): {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    private async Task<(HttpClient Client, string Token)> AdminSessionAsync(string userName)
    {
        await factory.EnsureUserAsync(userName, Roles.Admin, SignedInClients.Password);
        var client = await factory.SignInAsync(userName, SignedInClients.Password, followRedirects: false);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/account/password", UriKind.Relative)));
        return (client, page.AntiforgeryToken());
    }

    private static HttpRequestMessage Build(Probe probe, EndpointParameter parameter, string value, string token)
    {
        var path = parameter.Source == ParameterSource.Route
            ? AppEndpoints.Path(probe.Pattern, new Dictionary<string, string> { [parameter.Name] = value })
            : probe.Path;
        var query = new List<string>();
        if (probe.Url.IndexOf('?', StringComparison.Ordinal) is var q and >= 0)
        {
            query.Add(probe.Url[(q + 1)..]);
        }

        if (parameter.Source == ParameterSource.Query)
        {
            query.Add(Uri.EscapeDataString(parameter.Name) + "=" + Uri.EscapeDataString(value));
        }

        var url = query.Count == 0 ? path : path + "?" + string.Join('&', query);
        var request = new HttpRequestMessage(new HttpMethod(probe.Method), new Uri(url, UriKind.Relative));
        if (probe.Method != "GET")
        {
            var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
            if (parameter.Source == ParameterSource.Form)
            {
                fields.Add(new(parameter.Name, value));
            }

            request.Content = new FormUrlEncodedContent(fields);
            request.Headers.Add("Origin", "http://localhost");
        }

        return request;
    }

    private static string Shown(string value) => value.Length > 40 ? $"{value[..20]}… ({value.Length} chars)" : value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
