using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BluezoneTracker.Browser.Tests.Infrastructure;

public static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private const string DrawEverything = """
        () => document.querySelectorAll('*').forEach(e => {
            if (getComputedStyle(e).contentVisibility === 'auto') e.style.setProperty('content-visibility', 'visible', 'important');
        })
        """;

    /// <summary>Runs axe on the page and fails with each serious or critical violation and its elements.</summary>
    /// <remarks>
    /// Every part the page leaves undrawn until scrolled near (<c>content-visibility: auto</c>: the dashboard's long
    /// lists, decision 110; the annex's blocks, decision 120) is drawn first: axe asks for the layout of each cell,
    /// and in a skipped part each question lays it out anew (1,5 min over the 702-line annex on a busy machine).
    /// The markup is what is checked.
    /// </remarks>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(DrawEverything);
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{v.Id}: {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
