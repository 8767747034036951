using Microsoft.Playwright;

namespace BluezoneTracker.Browser.Tests.Infrastructure;

/// <summary>
/// Everything a page did that a user would suffer from: console errors, script errors, failed
/// requests, error responses, and requests to any origin but the app's own.
/// </summary>
public sealed class PageWatch
{
    private readonly List<IRequest> _requests = [];
    private readonly IPage _page;

    public PageWatch(IPage page, Uri origin)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(origin);
        _page = page;
        var own = origin.GetLeftPart(UriPartial.Authority);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Problems.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Problems.Add($"script error: {error}");
        page.RequestFailed += (_, request) => Problems.Add($"failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
        page.Request += (_, request) =>
        {
            _requests.Add(request);
            if (!new Uri(request.Url).GetLeftPart(UriPartial.Authority).Equals(own, StringComparison.OrdinalIgnoreCase))
            {
                ForeignRequests.Add(request.Url);
            }
        };
    }

    public List<string> Problems { get; } = [];

    public List<string> ForeignRequests { get; } = [];

    public IReadOnlyList<IRequest> Requests => _requests;

    /// <summary>
    /// Bytes that crossed the wire for the document and every resource the page has finished loading, as
    /// the browser's Resource Timing reports them (<c>transferSize</c>: compressed body plus headers; 0 for
    /// what came from the browser's cache). Resource Timing is used rather than Playwright's
    /// <c>request.sizes()</c>, which in Chromium may never resolve for a request started late (a chart
    /// script fetched on scroll) — microsoft/playwright#9350.
    /// </summary>
    public Task<long> TransferredBytesAsync() =>
        _page.EvaluateAsync<long>(
            """
            () => performance.getEntriesByType('navigation')
                .concat(performance.getEntriesByType('resource'))
                .reduce((sum, entry) => sum + entry.transferSize, 0)
            """);

    /// <summary>The paths of the resources the page has finished loading, as Resource Timing lists them.</summary>
    public Task<string[]> LoadedResourcesAsync() =>
        _page.EvaluateAsync<string[]>(
            "() => performance.getEntriesByType('resource').map(entry => new URL(entry.name).pathname)");
}
