using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Data;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Pages.Dashboard;

/// <summary>
/// The cumulative chart's picker reaches every child however many there are (issue #13: on the national demo
/// the first ranking page offered only its own provinces, so Sơn La could not be drawn), and the charts' data
/// is a resource of its own, not part of the page.
/// </summary>
public sealed class ChartPickerTests(NationalDemoAppFactory factory) : IClassFixture<NationalDemoAppFactory>
{
    [Fact]
    public async Task The_search_field_offers_every_province_and_adds_Son_La_from_the_first_page_without_script()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/?date=2020-08-17", UriKind.Relative)));
        Assert.Null(page.QuerySelector("[data-testid=ranking] tr[data-code='14']"));
        var field = (IHtmlInputElement)page.QuerySelector("#chart-add")!;
        Assert.Equal("chart-children", field.GetAttribute("list"));
        Assert.NotNull(page.QuerySelector("label[for=chart-add]"));

        // The suggestions: every province, fetched when the field gets focus.
        var children = await client.GetAsync(new Uri(field.GetAttribute("data-children")!, UriKind.Relative));
        Assert.Equal("application/json", children.Content.Headers.ContentType!.MediaType);
        using (var json = JsonDocument.Parse(await children.Content.ReadAsStringAsync()))
        {
            var all = json.RootElement.EnumerateArray().Select(e => (Code: e.GetProperty("code").GetString(), Name: e.GetProperty("name").GetString())).ToList();
            Assert.Equal(63, all.Count);
            Assert.Contains(("14", "Tỉnh Sơn La"), all);
        }

        // Without script the form is sent as it is: the server finds the name typed loosely and redraws.
        var form = (IHtmlFormElement)field.Form!;
        var drawnBefore = form.QuerySelectorAll("input[name=d][checked]").Select(i => i.GetAttribute("value")).ToList();
        // A GET form: its fields (as Forms gathers them for a POST) go in the query.
        using var gathered = Forms.Request(form, new Dictionary<string, string> { ["add"] = "son la" });
        var redrawn = await client.GetAsync(new Uri("/?" + await gathered.Content!.ReadAsStringAsync(), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, redrawn.StatusCode);
        Assert.Contains("d=14", redrawn.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal);
        var after = await Html.ParseAsync(redrawn);
        Assert.Contains("Tỉnh Sơn La", after.QuerySelectorAll("[data-testid=table-cumulative] thead th").Select(h => h.Text()));
        Assert.NotNull(after.QuerySelector("#chart-add")!.Closest("form")!.QuerySelector("input[name=d][value='14'][checked]"));
        // What was drawn stays drawn.
        Assert.All(drawnBefore, code => Assert.NotNull(after.QuerySelector($"input[name=d][value='{code}'][checked]")));
    }

    [Fact]
    public async Task A_name_that_is_not_a_province_is_said_plainly_and_changes_nothing()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var response = await client.GetAsync(new Uri("/?date=2020-08-17&add=Atlantis", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("“Atlantis”", page.QuerySelector("[data-testid=chart-add-notice]")!.Text(), StringComparison.Ordinal);
        Assert.Equal("chart-add-notice", page.QuerySelector("#chart-add")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task The_charts_data_is_fetched_apart_from_the_page()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/?date=2020-08-17&d=14", UriKind.Relative)));
        Assert.Null(page.QuerySelector("script[type='application/json']#dashboard-data"));
        var url = page.QuerySelector(".charts[data-charts]")!.GetAttribute("data-charts")!;

        var charts = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, charts.StatusCode);
        using var json = JsonDocument.Parse(await charts.Content.ReadAsStringAsync());
        Assert.Equal(63, json.RootElement.GetProperty("rate").GetProperty("names").GetArrayLength());
        Assert.Contains("14", json.RootElement.GetProperty("cumulative").GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
    }
}
