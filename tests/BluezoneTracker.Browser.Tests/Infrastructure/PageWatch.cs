using Microsoft.Playwright;

namespace BluezoneTracker.Browser.Tests.Infrastructure;

/// <summary>
/// Everything a page did that a user would suffer from: console errors, script errors, failed
/// requests, error responses, and requests to any origin but the app's own.
/// </summary>
public sealed class PageWatch
{
    private readonly List<IRequest> _requests = [];

    public PageWatch(IPage page, Uri origin)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(origin);
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

    /// <summary>Bytes that crossed the wire (headers plus compressed bodies) for every request so far.</summary>
    public async Task<long> TransferredBytesAsync()
    {
        long total = 0;
        foreach (var request in _requests.ToArray())
        {
            // The favicon is fetched by the browser on its own, after the page, and Chromium may never
            // report it finished: its sizes would be waited for forever. It is 1 KB and cached a year.
            if (new Uri(request.Url).AbsolutePath.StartsWith("/favicon", StringComparison.Ordinal))
            {
                continue;
            }

            var pending = request.SizesAsync();
            if (await Task.WhenAny(pending, Task.Delay(TimeSpan.FromSeconds(30))) != pending)
            {
                throw new TimeoutException($"The size of {request.Url} was not reported within 30 s.");
            }

            var sizes = await pending;
            total += sizes.ResponseHeadersSize + sizes.ResponseBodySize;
        }

        return total;
    }
}
