using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BluezoneTracker.Browser.Tests.Infrastructure;

public static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>Runs axe on the page and fails with each serious or critical violation and its elements.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{v.Id}: {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
