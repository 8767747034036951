namespace BluezoneTracker.Web.Infrastructure;

/// <summary>
/// The <c>/areas/{code}</c> prefix of every route, taken off first so that static files, API problems and
/// routing see the plain path: <c>/areas/{code}/rest</c> becomes the path base <c>/areas/{code}</c> and the
/// path <c>/rest</c>, and <c>/api/areas/{code}/rest</c> becomes <c>/api/rest</c>. Only the URL is handled here;
/// <see cref="Scope.AreaRouting"/> resolves the code into the request's area (docs/decisions/040).
/// </summary>
public static class AreaPrefix
{
    /// <summary>The first segment of an area's routes.</summary>
    public const string Segment = "areas";

    private const string CodeKey = "bz.area.code";
    private const string BaseKey = "bz.area.base";
    private const string RequestedKey = "bz.area.requested";

    /// <summary>The path as the client asked for it, before the area prefix was taken off (for problem+json's <c>instance</c>).</summary>
    public static PathString RequestedPath(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[RequestedKey] is PathString requested ? requested : context.Request.PathBase.Add(context.Request.Path);
    }

    /// <summary>The area code the path named (<c>/areas/{code}/…</c> or <c>/api/areas/{code}/…</c>), or null.</summary>
    public static string? Code(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[CodeKey] as string;
    }

    /// <summary>The path base before the area prefix was added (where links to another area start).</summary>
    public static PathString Base(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[BaseKey] is PathString b ? b : context.Request.PathBase;
    }

    /// <summary>Strips the area prefix; runs first, so static files, API problems and routing see the plain path.</summary>
    public static IApplicationBuilder UseAreaPrefix(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        context.Items[BaseKey] = request.PathBase;
        context.Items[RequestedKey] = request.PathBase.Add(request.Path);
        if (request.Path.StartsWithSegments("/" + Segment, StringComparison.OrdinalIgnoreCase, out var rest)
            && Split(rest) is ({ } code, var remaining))
        {
            context.Items[CodeKey] = code;
            request.PathBase = request.PathBase.Add("/" + Segment + "/" + Uri.EscapeDataString(code));
            request.Path = remaining;
        }
        else if (request.Path.StartsWithSegments("/api/" + Segment, StringComparison.OrdinalIgnoreCase, out var apiRest)
            && Split(apiRest) is ({ } apiCode, var apiRemaining))
        {
            context.Items[CodeKey] = apiCode;
            request.Path = new PathString("/api").Add(apiRemaining);
        }

        return next(context);
    });

    private static (string? Code, PathString Remaining) Split(PathString rest)
    {
        var value = rest.Value ?? string.Empty;
        if (value.Length < 2)
        {
            return (null, PathString.Empty);
        }

        var slash = value.IndexOf('/', 1);
        var code = Uri.UnescapeDataString(slash < 0 ? value[1..] : value[1..slash]);
        return string.IsNullOrWhiteSpace(code) ? (null, PathString.Empty) : (code, slash < 0 ? new PathString("/") : new PathString(value[slash..]));
    }
}
