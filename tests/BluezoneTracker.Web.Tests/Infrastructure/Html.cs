using AngleSharp;
using AngleSharp.Dom;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>Parses pages the way a browser would, so tests assert on what a user sees.</summary>
public static class Html
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var content = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(content).Address(response.RequestMessage!.RequestUri!));
    }

    public static string Text(this IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
