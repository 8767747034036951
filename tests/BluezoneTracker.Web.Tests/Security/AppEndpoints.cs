using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Security;

/// <summary>Where a request parameter travels.</summary>
public enum ParameterSource
{
    Route,
    Query,
    Form,
}

/// <summary>A parameter an endpoint reads: its name as sent (e.g. "Input.Population") and where it travels.</summary>
public sealed record EndpointParameter(string Name, ParameterSource Source);

/// <summary>
/// One request to make: a page handler or an API endpoint and method, with sample route values.
/// <see cref="Handler"/> names the code that answers (a page reached by several routes has one).
/// </summary>
public sealed record Probe(string Method, string Path, string Url, string Pattern, IReadOnlyList<EndpointParameter> Parameters, string Handler)
{
    public bool IsApi => Path.StartsWith("/api", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The app's own list of endpoints (its <see cref="EndpointDataSource"/>): every Razor page handler
/// (GET, POST, named handlers) and every minimal-API endpoint and method, with the parameters each
/// binds — route values, query values, form fields — so that tests cover a page added later without
/// being edited.
/// </summary>
public static class AppEndpoints
{
    private static readonly HashSet<Type> Simple =
    [
        typeof(string), typeof(int), typeof(long), typeof(decimal), typeof(bool), typeof(DateOnly), typeof(double),
        typeof(int?), typeof(long?), typeof(decimal?), typeof(bool?), typeof(DateOnly?), typeof(double?),
    ];

    public static async Task<IReadOnlyList<Probe>> ProbesAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var loader = services.GetRequiredService<PageLoader>();
        var probes = new List<Probe>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText ?? string.Empty;
            var path = Path(pattern);
            var route = endpoint.RoutePattern.Parameters.Select(p => new EndpointParameter(p.Name, ParameterSource.Route)).ToList();
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    var url = handler.Name is null ? path : $"{path}?handler={handler.Name}";
                    var get = method == "GET";
                    var parameters = new List<EndpointParameter>(route);
                    foreach (var property in compiled.BoundProperties)
                    {
                        var supportsGet = property.BindingInfo?.RequestPredicate is null
                            || (property as PageBoundPropertyDescriptor)?.Property.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet == true;
                        if (get && !supportsGet)
                        {
                            continue;
                        }

                        var name = property.BindingInfo?.BinderModelName ?? property.Name;
                        parameters.AddRange(Names(name, property.ParameterType).Select(n => new EndpointParameter(n, get ? ParameterSource.Query : ParameterSource.Form)));
                    }

                    foreach (var parameter in handler.Parameters)
                    {
                        parameters.AddRange(Names(parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType)
                            .Select(n => new EndpointParameter(n, get ? ParameterSource.Query : ParameterSource.Form)));
                    }

                    probes.Add(new Probe(method, path, url, pattern, Distinct(parameters), $"{page.ViewEnginePath}?{handler.Name}"));
                }

                if (compiled.HandlerMethods.Count == 0)
                {
                    probes.Add(new Probe("GET", path, path, pattern, route, page.ViewEnginePath));
                }
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                var query = endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
                    .Where(p => Simple.Contains(p.ParameterType) && route.All(r => !string.Equals(r.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
                    .Select(p => new EndpointParameter(p.Name!, ParameterSource.Query)) ?? [];
                var parameters = Distinct([.. route, .. query]);
                probes.AddRange(methods.Select(m => new Probe(m, path, path, pattern, parameters, endpoint.DisplayName ?? pattern)));
            }
        }

        return [.. probes.DistinctBy(p => (p.Method, p.Url))];
    }

    /// <summary>The route with sample values: a real date of the demo seed, the province's code, else "sample".</summary>
    public static string Path(string pattern, IReadOnlyDictionary<string, string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var segments = pattern.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment =>
        {
            if (!segment.StartsWith('{'))
            {
                return segment;
            }

            var name = segment.Trim('{', '}', '*', '?').Split(':', '=')[0];
            if (values?.TryGetValue(name, out var value) == true)
            {
                return Uri.EscapeDataString(value);
            }

            return name.ToLowerInvariant() switch
            {
                "date" => "2020-08-17",
                "code" or "area" => "14",
                _ when segment.Contains(":int", StringComparison.Ordinal) => "1",
                _ => segment.EndsWith("?}", StringComparison.Ordinal) ? null : "sample",
            };
        }).Where(s => s is not null);
        return "/" + string.Join('/', segments);
    }

    /// <summary>The field names of a bound value: itself when simple, its simple properties ("Input.Name") when a model, an entry ("Counts[14]") when a dictionary.</summary>
    private static IEnumerable<string> Names(string name, Type type)
    {
        if (Simple.Contains(type) || type.IsEnum || Nullable.GetUnderlyingType(type)?.IsEnum == true)
        {
            return [name];
        }

        if (typeof(IFormFile).IsAssignableFrom(type))
        {
            return [];
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return [name + "[14]", name + "[116]"];
        }

        if (type.IsClass)
        {
            return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && (Simple.Contains(p.PropertyType) || p.PropertyType.IsEnum || Nullable.GetUnderlyingType(p.PropertyType)?.IsEnum == true))
                .Select(p => $"{name}.{p.Name}");
        }

        return [name];
    }

    private static List<EndpointParameter> Distinct(IEnumerable<EndpointParameter> parameters) =>
        [.. parameters.DistinctBy(p => (p.Name.ToUpperInvariant(), p.Source))];
}
