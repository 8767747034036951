using System.Text.RegularExpressions;
using BluezoneTracker.Browser.Tests.Infrastructure;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BluezoneTracker.Browser.Tests;

/// <summary>
/// Issue #14, point 6: in English no Vietnamese is left behind. Every page, as every role that may open it, with
/// <c>?culture=en-US</c>: no visible text (nor placeholder, title or label) holds a Vietnamese letter, except what is
/// Vietnamese by nature — content marked <c>lang="vi"</c> (the official annex, the language switch's "Tiếng Việt") and
/// the names and sources stored in the data (areas, people, population sources, reasons).
/// Screenshots at 1280 and 360 px are kept to be looked at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EnglishOnEveryPage(BrowserFixture app)
{
    // A letter with a Vietnamese mark: precomposed Latin-1, Latin Extended-A/B (ă đ ĩ ũ ơ ư) and Extended Additional (ạ … ỹ).
    [GeneratedRegex(@"[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯư\u1EA0-\u1EF9]")]
    private static partial Regex VietnameseLetter();

    // A day-first date ("17/8/2020"): in English dates follow the English culture (8/17/2020).
    [GeneratedRegex(@"\b(1[3-9]|2[0-9]|3[01])/([1-9]|1[0-2])/(19|20)[0-9]{2}\b")]
    private static partial Regex DayFirstDate();

    /// <summary>Visible text nodes and the visible attributes that a reader meets, outside <c>[lang=vi]</c>.</summary>
    private const string VisibleTexts = """
        async () => {
            const shown = e => e && e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
            const vietnameseByNature = e => e.closest('[lang="vi"], script, style, noscript, template');
            const texts = [];
            document.querySelectorAll('details').forEach(d => d.open = true); // what a tap shows counts too
            // A closed table is built by site.js on 'toggle', a task later (decision 151): waited for, so that it is read.
            for (let i = 0; i < 200 && document.querySelector('details[open] > noscript.when-opened'); i++) await new Promise(r => setTimeout(r, 10));
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const e = n.parentElement;
                const t = n.textContent.trim();
                if (t && !vietnameseByNature(e) && (shown(e) || e.tagName === 'OPTION')) texts.push(t);
            }
            // data-label: a table cell's header, drawn by CSS beside the cell when the table stacks on a phone.
            for (const e of document.querySelectorAll('[placeholder], [title], [aria-label], img[alt], [data-label], input[type=submit], input[type=button]')) {
                if (vietnameseByNature(e)) continue;
                for (const a of ['placeholder', 'title', 'aria-label', 'alt', 'data-label', 'value']) {
                    if (a === 'value' && !(e.type === 'submit' || e.type === 'button')) continue;
                    if (a === 'placeholder' && e.type === 'date') continue; // a date input never shows it
                    const v = e.getAttribute(a);
                    if (v && v.trim()) texts.push(v.trim());
                }
            }
            texts.push(document.title);
            return texts;
        }
        """;

    /// <summary>Every page of the app (the phone test's list) and a valid date without counts.</summary>
    public static IEnumerable<string> Paths =>
        EveryPageOnAPhone.Pages.Select(p => (string)p[0]).Append("/snapshots/2020-08-15").Distinct();

    public static TheoryData<string> EveryRole => new() { Web.Accounts.Roles.Admin, Web.Accounts.Roles.Director, Web.Accounts.Roles.Staff, Web.Accounts.Roles.Viewer };

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task No_Vietnamese_is_left_on_any_English_page_outside_the_official_annex_and_stored_names(string role)
    {
        var names = await StoredNamesAsync();
        var page = await app.NewPageAsync(1280, 900, role);
        var found = new List<string>();
        var opened = 0;
        foreach (var path in Paths.Where(p => p != "/account/signin"))
        {
            var url = path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=en-US";
            foreach (var width in new[] { 1280, 360 })
            {
                await page.SetViewportSizeAsync(width, 900);
                var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                if (response is null || response.Status is 403 or 404 || page.Url.Contains("/account/", StringComparison.Ordinal) && !path.StartsWith("/account/", StringComparison.Ordinal))
                {
                    break; // not this role's page
                }

                Assert.True(response.Ok, $"{path} as {role}: HTTP {response.Status}");
                opened++;
                var name = path.Trim('/').Replace('/', '-').Replace('?', '-').Replace('&', '-').Replace('=', '-');
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(BrowserFixture.ArtifactsFolder, $"english-{role.ToLowerInvariant()}-{(name.Length == 0 ? "dashboard" : name)}-{width}.png"),
                    FullPage = true,
                });
                foreach (var text in await page.EvaluateAsync<string[]>(VisibleTexts))
                {
                    var left = names.Aggregate(text, (t, n) => t.Replace(n, " ", StringComparison.Ordinal));
                    if (VietnameseLetter().IsMatch(left) || DayFirstDate().IsMatch(left))
                    {
                        found.Add($"{path} at {width} px: {text}");
                    }
                }
            }
        }

        Assert.True(opened > 2, $"{role} opened only {opened} pages");
        Assert.True(found.Count == 0, $"Vietnamese left in English as {role}:\n" + string.Join('\n', found.Distinct()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_check_finds_Vietnamese_when_the_page_is_Vietnamese()
    {
        // The same check over the Vietnamese dashboard: it must see the Vietnamese, or it proves nothing in English.
        var page = await app.NewPageAsync(1280, 900, Web.Accounts.Roles.Viewer);
        await page.GotoAsync("/?culture=vi-VN", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var names = await StoredNamesAsync();
        var texts = await page.EvaluateAsync<string[]>(VisibleTexts);
        Assert.Contains(texts, t => VietnameseLetter().IsMatch(names.Aggregate(t, (x, n) => x.Replace(n, " ", StringComparison.Ordinal))));
        await page.Context.CloseAsync();
    }

    /// <summary>The texts stored in the data, Vietnamese whatever the UI's language: longest first, so a full name goes before its short form.</summary>
    private async Task<List<string>> StoredNamesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Name, a.PopulationSource, a.SmartphoneOwnersSource }).ToListAsync();
        var people = await db.Users.AsNoTracking().Select(u => u.DisplayName).ToListAsync();
        var reasons = await db.SnapshotRevisions.AsNoTracking().Where(r => r.Reason != null).Select(r => r.Reason!).Distinct().ToListAsync();
        var sources = await db.Populations.AsNoTracking().Select(p => p.PopulationSource).Distinct().ToListAsync();
        return [.. areas.SelectMany(a => new[] { a.Name, VietnameseText.StripKindPrefix(a.Name), a.PopulationSource, a.SmartphoneOwnersSource })
            .Concat(people).Concat(reasons).Concat(sources)
            .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).Distinct().OrderByDescending(n => n.Length)];
    }
}
