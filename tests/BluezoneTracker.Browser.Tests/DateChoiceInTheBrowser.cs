using System.Globalization;
using BluezoneTracker.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BluezoneTracker.Browser.Tests;

/// <summary>
/// Choosing the report date on the dashboard and the annex from lists (the Sơn La seed's few dates): a date on or
/// before the comparison kept from the previous choice is shown compared with the previous report, not refused
/// (round 7's trial: the menu's annex link carries the dashboard's comparison).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DateListsInTheBrowser(BrowserFixture app)
{
    [Theory]
    [InlineData("/annex")]
    [InlineData("/")]
    public async Task A_report_date_on_the_kept_comparison_is_compared_with_the_previous_report(string path)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(path + "?date=2020-08-15&compare=2020-08-12");

        await page.SelectOptionAsync("#date", "2020-08-12");
        await page.WaitForDocumentWithAsync("date=2020-08-12");

        Assert.Contains("compare=&", page.Url + "&", StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=problem]").CountAsync());
        Assert.Equal("2020-08-12", await page.InputValueAsync("#date"));
        await page.Context.CloseAsync();
    }
}

/// <summary>
/// Choosing the report date with date fields (more dates than the pages list): typing a date does not reload the
/// page at every keystroke — each part typed already makes a whole date — but waits for "Xem"; and a report date
/// on or before the comparison kept from before clears it (round 7's trial defects).
/// </summary>
[Collection(LongHistoryBrowserCollection.Name)]
public sealed class DateFieldsInTheBrowser(LongHistoryBrowserFixture app)
{
    [Theory]
    [InlineData("/annex")]
    [InlineData("/")]
    public async Task A_typed_date_is_sent_once_with_Xem_and_clears_a_comparison_not_before_it(string path)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(path);
        var last = DateOnly.ParseExact((await page.GetAttributeAsync("#date", "max"))!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var compare = last.AddDays(-1);
        await page.GotoAsync($"{path}?date={last:yyyy-MM-dd}&compare={compare:yyyy-MM-dd}");
        Assert.Equal($"{compare:yyyy-MM-dd}", await page.InputValueAsync("#compare"));

        var documents = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "document")
            {
                documents.Add(request.Url);
            }
        };

        // A step down in the field's first part (the day or the month, in the browser's own order), as the keyboard
        // makes it: the field then holds a whole earlier date, on or before the kept comparison (the day before).
        await page.FocusAsync("#date");
        await page.Keyboard.PressAsync("ArrowDown");
        var typed = DateOnly.ParseExact(await page.InputValueAsync("#date"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(typed < last, $"{typed} after {last}");
        Assert.Equal(string.Empty, await page.InputValueAsync("#compare"));
        Assert.Equal($"{typed.AddDays(-1):yyyy-MM-dd}", await page.GetAttributeAsync("#compare", "max"));
        Assert.Empty(documents);

        await page.ClickAsync("form:has(#date) button[type=submit]");
        await page.WaitForDocumentWithAsync($"date={typed:yyyy-MM-dd}");
        Assert.Single(documents);
        Assert.Equal(0, await page.Locator("[data-testid=problem]").CountAsync());
        Assert.Equal($"{typed:yyyy-MM-dd}", await page.InputValueAsync("#date"));
        await page.Context.CloseAsync();
    }
}
