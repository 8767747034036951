using System.Reflection;
using System.Text.RegularExpressions;
using BluezoneTracker.Web.Scope;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Scope;

/// <summary>
/// Review (round 9, point 7): <see cref="SingleValuedQuery.Names"/> is a list kept by hand, so a page that later reads a
/// new query parameter would not refuse it repeated until someone listed it. This enumerates what every page and
/// endpoint binds from the query string — as the framework sees them (each page's compiled handlers and bound
/// properties; each minimal API's parameters) plus the few read from <c>Request.Query</c> by hand — and fails naming
/// any that is in neither <see cref="SingleValuedQuery.Names"/> nor <see cref="SingleValuedQuery.Repeating"/>.
/// </summary>
public sealed partial class SingleValuedQueryCoverageTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task Every_query_parameter_a_page_or_endpoint_binds_is_declared_single_valued_or_repeating()
    {
        var bound = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var where = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string name, string source)
        {
            bound.Add(name);
            where.TryAdd(name, source);
        }

        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var loader = services.GetRequiredService<PageLoader>();
        var pages = services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>().ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            var template = page.AttributeRouteInfo?.Template ?? string.Empty;
            foreach (var property in compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>())
            {
                if (property.Property.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true } && !InRoute(template, property.Name))
                {
                    foreach (var name in QueryNames(property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType))
                    {
                        Add(name, page.RelativePath);
                    }
                }
            }

            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var parameter in handler.Parameters)
                {
                    if (FromQuery(parameter.BindingInfo?.BindingSource, parameter.ParameterType) && !InRoute(template, parameter.Name))
                    {
                        Add(parameter.BindingInfo?.BinderModelName ?? parameter.Name, page.RelativePath);
                    }
                }
            }
        }

        var isService = services.GetRequiredService<IServiceProviderIsService>();
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is null && e.Metadata.GetMetadata<MethodInfo>() is not null)
            .ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in endpoint.Metadata.GetMetadata<MethodInfo>()!.GetParameters())
            {
                var fromQuery = parameter.GetCustomAttribute<FromQueryAttribute>();
                if (fromQuery is not null
                    || (parameter.GetCustomAttributes().All(a => a is not IBindingSourceMetadata) && IsSimple(parameter.ParameterType)
                        && !isService.IsService(parameter.ParameterType) && !routeNames.Contains(parameter.Name!)))
                {
                    Add(fromQuery?.Name ?? parameter.Name!, endpoint.RoutePattern.RawText ?? endpoint.DisplayName ?? "?");
                }
            }
        }

        // Read by hand rather than bound: Request.Query["…"] in the source.
        var source = Path.Combine(RepositoryRoot(), "src", "BluezoneTracker.Web");
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match match in QueryRead().Matches(File.ReadAllText(file)))
            {
                Add(match.Groups[1].Value, Path.GetFileName(file));
            }
        }

        Assert.Contains("date", bound);
        Assert.Contains("compare", bound);
        Assert.Contains("culture", bound);
        var missing = bound.Where(n => !SingleValuedQuery.Names.Contains(n) && !SingleValuedQuery.Repeating.Contains(n)).Select(n => $"{n} ({where[n]})").ToList();
        Assert.True(missing.Count == 0, "Query parameters bound but in neither SingleValuedQuery.Names nor .Repeating:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task A_parameter_the_enumeration_found_unlisted_before_round_9_is_refused_repeated()
    {
        // The upload page's tooLarge (its early refusal's redirect) was bound but not listed.
        var client = await factory.ClientForAsync(Web.Accounts.Roles.Staff);
        var response = await client.GetAsync(new Uri("/snapshots/upload?tooLarge=2000&tooLarge=9", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tham số tooLarge được gửi 2 lần (", (await Html.ParseAsync(response)).QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Query(?:\[|\.TryGetValue\(|\.ContainsKey\()""([^""]+)""")]
    private static partial Regex QueryRead();

    private static bool InRoute(string template, string name) =>
        template.Contains("{" + name, StringComparison.OrdinalIgnoreCase);

    private static bool FromQuery(BindingSource? source, Type type) =>
        source is null ? IsSimple(type) : source == BindingSource.Query || (source == BindingSource.ModelBinding && IsSimple(type));

    /// <summary>The query keys of a bound name: the name for a simple value, "Name.Part" for each part of a complex one.</summary>
    private static IEnumerable<string> QueryNames(string name, Type type) => IsSimple(type) || IsCollection(type)
        ? [name]
        : type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => $"{name}.{p.Name}");

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset) || t == typeof(Guid) || (IsCollection(t) && t.GetElementType() is { } e && IsSimple(e))
            || (t.IsGenericType && IsCollection(t) && t.GetGenericArguments() is [var a] && IsSimple(a));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BluezoneTracker.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("No repository root above " + AppContext.BaseDirectory);
    }
}
