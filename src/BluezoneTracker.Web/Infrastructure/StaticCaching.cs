using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace BluezoneTracker.Web.Infrastructure;

/// <summary>
/// Pages link static files with asp-append-version ("?v=" + a hash of the content), so a
/// fingerprinted URL never changes meaning and can be cached for a year; a changed file gets a
/// new URL. Unversioned requests must revalidate.
/// </summary>
internal static class StaticCaching
{
    public const string Versioned = "public, max-age=31536000, immutable";
    public const string Unversioned = "no-cache";

    public static void Apply(StaticFileResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Context.Response.Headers[HeaderNames.CacheControl] =
            context.Context.Request.Query.ContainsKey("v") ? Versioned : Unversioned;
    }
}
