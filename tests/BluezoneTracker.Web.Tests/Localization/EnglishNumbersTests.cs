using System.Net;
using AngleSharp.Dom;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;

namespace BluezoneTracker.Web.Tests.Localization;

/// <summary>
/// Issue #14, point 6: numbers and dates inside the English UI's sentences and tables are written the English way
/// ("85,329", "8/17/2020"), one test per page kind; the official annex stays Vietnamese.
/// </summary>
public sealed class EnglishNumbersTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> EnglishClientAsync(string role)
    {
        var client = await _factory.ClientForAsync(role);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/?culture=en-US", UriKind.Relative))).StatusCode);
        return client;
    }

    private static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    [Fact]
    public async Task The_upload_preview()
    {
        var client = await EnglishClientAsync(Roles.Staff);
        var (response, page) = await IntakeClient.PreviewAsync(client, "2020-08-18", "so-lieu.csv", IntakeClient.Corpus("names-without-diacritics-prefixes.csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("85,329", page.QuerySelector("[data-testid=preview-total]")!.Text());
        Assert.Contains("11,446", page.QuerySelector("[data-testid=preview-rows] tr[data-code='123']")!.Text(), StringComparison.Ordinal);
        Assert.Contains("8/18/2020", page.QuerySelector("[data-testid=preview] h2")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_entry_grid()
    {
        var page = await PageAsync(await EnglishClientAsync(Roles.Staff), "/snapshots/new?date=2020-08-17");
        Assert.Contains("8/17/2020", page.QuerySelector("[data-testid=editing-existing]")!.Text(), StringComparison.Ordinal);
        Assert.EndsWith("8/12/2020", page.QuerySelector("[data-testid=reference-header]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_of_a_date()
    {
        var page = await PageAsync(await EnglishClientAsync(Roles.Staff), "/snapshots/2020-08-17");
        Assert.Contains("8/17/2020", page.QuerySelector("h1")!.Text(), StringComparison.Ordinal);
        Assert.Matches(@"^\d{1,3}(,\d{3})+$", page.QuerySelector("[data-testid=revision-total]")!.Text());
    }

    [Fact]
    public async Task The_sign_off_page_around_the_vietnamese_annex()
    {
        var page = await PageAsync(await EnglishClientAsync(Roles.Director), "/annex/signoff?date=2020-08-17");
        Assert.Contains("8/17/2020", page.QuerySelector("[data-testid=signoff-submit]")!.Text(), StringComparison.Ordinal);
        // The annex being signed is the official one: Vietnamese whatever the reader's language.
        Assert.Contains("103.392", page.QuerySelector("[data-testid=signoff-annex]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_areas_admin_page()
    {
        var page = await PageAsync(await EnglishClientAsync(Roles.Admin), "/admin/areas");
        Assert.Contains("103,392", page.QuerySelector("[data-testid=areas] tr[data-code='116']")!.Text(), StringComparison.Ordinal);
    }
}
