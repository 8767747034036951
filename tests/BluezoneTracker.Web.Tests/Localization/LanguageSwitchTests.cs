using System.Net;
using AngleSharp.Html.Dom;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BluezoneTracker.Web.Tests.Localization;

public sealed class LanguageSwitchTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task Choosing_English_is_remembered_for_later_pages()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/annex", UriKind.Relative)));
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));

        // The annex is kept for every viewer: its language form comes in the user's menu, as site.js fetches it (docs/decisions/099).
        var menu = await Html.ParseAsync(await client.GetAsync(new Uri("/account/menu?returnUrl=%2Fannex", UriKind.Relative)));
        var form = (IHtmlFormElement)menu.QuerySelector("form[action='/culture']")!;
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        fields["culture"] = "en-US";
        var response = await client.PostAsync(new Uri("/culture", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // followed the redirect back to /annex

        var dashboard = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)));
        Assert.Equal("en", dashboard.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Dashboard", dashboard.QuerySelector("nav")!.Text(), StringComparison.Ordinal);

        // The official annex stays Vietnamese whatever the UI language.
        var annex = await Html.ParseAsync(await client.GetAsync(new Uri("/annex", UriKind.Relative)));
        var lines = annex.QuerySelectorAll("[data-testid=annex] tbody tr");
        Assert.Equal("TOÀN TỈNH", lines[^1].QuerySelectorAll("td")[1].Text());
    }

    [Fact]
    public async Task Switching_language_without_the_antiforgery_token_is_refused()
    {
        var client = factory.CreateClient();
        var response = await client.PostAsync(
            new Uri("/culture", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
