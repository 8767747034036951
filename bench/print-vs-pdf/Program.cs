using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace BluezoneTracker.PrintVsPdf;

/// <summary>
/// Times, alternately, a warm headless Chromium printing the HTML annex (<c>/annex</c> opened in a page that stays
/// open, then <c>page.pdf</c> with the page's own @page size, as the print dialog does) and the app's PDF annex
/// (<c>/annex.pdf</c>) fetched over HTTP by a signed-in client: once warm (the kept response, decision 080) and
/// once made anew (a query parameter the app ignores makes the response cache miss; the figures stay cached), so
/// the ratio compares rendering with rendering. Writes the last PDF of each to OUT for page counts.
/// <c>PrintVsPdf BASE COOKIE QUERY ROUNDS OUT</c>: BASE the app's URL, COOKIE a Cookie header of a signed-in session,
/// QUERY the annex's query string (may be empty), ROUNDS the measured rounds (after two unmeasured ones).
/// Prints one line of medians in milliseconds: <c>chromium=… pdf_warm=… pdf_made=…</c>.
/// </summary>
internal static class Program
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<int> Main(string[] args)
    {
        if (args is not [var baseUrl, var cookie, var query, var roundsText, var output])
        {
            await Console.Error.WriteLineAsync("usage: PrintVsPdf BASE COOKIE QUERY ROUNDS OUT");
            return 2;
        }

        var rounds = int.Parse(roundsText, CultureInfo.InvariantCulture);
        var root = new Uri(baseUrl);
        var suffix = string.IsNullOrEmpty(query) ? string.Empty : "?" + query.TrimStart('?');
        Directory.CreateDirectory(output);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        await context.AddCookiesAsync(cookie.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.Split('=', 2))
            .Select(p => new Cookie { Name = p[0], Value = p[1], Url = root.GetLeftPart(UriPartial.Authority) }));
        var page = await context.NewPageAsync();

        using var http = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("Cookie", cookie);

        var chromium = new List<double>();
        var warm = new List<double>();
        var made = new List<double>();
        byte[] printed = [];
        byte[] served = [];
        for (var round = -2; round < rounds; round++)
        {
            // The order changes every round so that a change in the machine's load touches both alike.
            var steps = new List<Func<Task>>
            {
                async () => printed = await TimeAsync(round >= 0 ? chromium : null, async () =>
                {
                    var response = await page.GotoAsync(new Uri(root, "/annex" + suffix).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                    if (response is not { Status: 200 })
                    {
                        throw new InvalidOperationException($"/annex answered {response?.Status}");
                    }

                    return await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
                }),
                async () => served = await TimeAsync(round >= 0 ? warm : null, () => FetchAsync(http, "/annex.pdf" + suffix)),
                async () => await TimeAsync(round >= 0 ? made : null, () => FetchAsync(http, "/annex.pdf" + suffix + (suffix.Length == 0 ? "?" : "&") + "bench=" + round.ToString(CultureInfo.InvariantCulture))),
            };
            if (round % 2 != 0)
            {
                steps.Reverse();
            }

            foreach (var step in steps)
            {
                await step();
            }
        }

        await File.WriteAllBytesAsync(Path.Combine(output, "chromium.pdf"), printed);
        await File.WriteAllBytesAsync(Path.Combine(output, "app.pdf"), served);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chromium={Median(chromium):0.0} pdf_warm={Median(warm):0.00} pdf_made={Median(made):0.0}"));
        return 0;
    }

    private static async Task<byte[]> FetchAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/pdf")
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}");
        }

        return bytes;
    }

    private static async Task<byte[]> TimeAsync(List<double>? times, Func<Task<byte[]>> action)
    {
        var watch = Stopwatch.StartNew();
        var result = await action();
        times?.Add(watch.Elapsed.TotalMilliseconds);
        return result;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
