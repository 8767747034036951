using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BluezoneTracker.Browser.Tests.Infrastructure;

/// <summary>
/// Waits for the document a click or a choice navigates to, without Playwright .NET's <c>WaitForURLAsync</c> and
/// <c>WaitForLoadStateAsync</c>: both look at the page's state and only then subscribe to its events, and an event
/// the connection's thread delivers in between is lost, so the wait runs to its timeout although the page has loaded
/// (microsoft/playwright-dotnet#3364, open in 1.64.1). The clean-clone CI of 7780244 failed that way: the sign-in's
/// wait for "load" saw only "networkidle" and timed out after 90 s. Both waits here poll inside the browser instead.
/// </summary>
public static class PageNavigation
{
    /// <summary>The longest one wait may take, as every other step (see <see cref="BrowserFixture.NewPageAsync"/>).</summary>
    public const float StepTimeoutMilliseconds = 90_000;

    /// <summary>
    /// Returns once the page's address matches <paramref name="url"/> and that document has loaded
    /// (<c>document.readyState</c> is <c>complete</c>, as at its <c>load</c> event).
    /// </summary>
    /// <exception cref="PlaywrightException">The address did not match, or the document did not load, within
    /// <see cref="StepTimeoutMilliseconds"/>.</exception>
    public static async Task WaitForDocumentAsync(this IPage page, Regex url)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Assertions.Expect(page).ToHaveURLAsync(url, new PageAssertionsToHaveURLOptions { Timeout = StepTimeoutMilliseconds });
        await page.WaitForFunctionAsync(
            "() => document.readyState === 'complete'",
            null,
            new PageWaitForFunctionOptions { PollingInterval = 50, Timeout = StepTimeoutMilliseconds });
    }

    /// <summary>Returns once the page has left <paramref name="path"/> and the document it went to has loaded.</summary>
    /// <exception cref="PlaywrightException">As <see cref="WaitForDocumentAsync(IPage, Regex)"/>.</exception>
    public static Task WaitForDocumentNotAtAsync(this IPage page, string path) =>
        page.WaitForDocumentAsync(new Regex("^(?!.*" + Regex.Escape(path) + ")", RegexOptions.None, TimeSpan.FromSeconds(1)));

    /// <summary>Returns once the page's address contains <paramref name="text"/> and that document has loaded.</summary>
    /// <exception cref="PlaywrightException">As <see cref="WaitForDocumentAsync(IPage, Regex)"/>.</exception>
    public static Task WaitForDocumentWithAsync(this IPage page, string text) =>
        page.WaitForDocumentAsync(new Regex(Regex.Escape(text), RegexOptions.None, TimeSpan.FromSeconds(1)));

    /// <summary>
    /// Returns once the browser has run a rendering update (two animation frames) of the page as it now is. Until the
    /// first one after a part appears, Chromium has not decided whether a <c>content-visibility: auto</c> part is near
    /// the screen, and <c>checkVisibility({ contentVisibilityAuto: true })</c> calls it drawn: the clean-clone CI of
    /// 7c12b65 (load 30–47) read the 700-line annex's last block as drawn after "networkidle", before any frame.
    /// </summary>
    public static Task WaitForRenderingAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done())))");
    }
}
