using System.Net;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Pages.Shared;

/// <summary>
/// A fresh user's trial (round 8, point 3): <c>?date=2020-08-15&amp;date=2020-08-18</c> could mean either date. The annex
/// page took the first while /api/annex and the downloads answered a generic 400; every page and endpoint now refuses
/// a repeated date, compare or area with a 400 that names the parameter.
/// </summary>
public sealed class RepeatedParameterTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "/annex?date=2020-08-12&date=2020-08-17", "date" },
        { "/annex?date=2020-08-17&compare=2020-08-12&compare=2020-08-12", "compare" },
        { "/?date=2020-08-12&date=2020-08-17", "date" },
        { "/?compare=2020-08-12&COMPARE=2020-08-17", "COMPARE" },
        { "/?area=14&area=116", "area" },
        { "/annex?area=14&area=14", "area" },
        { "/snapshots?date=2020-08-12&date=2020-08-17", "date" },
        { "/annex/signoff?date=2020-08-12&date=2020-08-17", "date" },
    };

    public static TheoryData<string, string> Endpoints() => new()
    {
        { "/api/annex?date=2020-08-12&date=2020-08-17", "date" },
        { "/api/annex?date=2020-08-17&compare=2020-08-12&compare=2020-08-13", "compare" },
        { "/annex.csv?date=2020-08-12&date=2020-08-17", "date" },
        { "/annex.xlsx?date=2020-08-12&date=2020-08-17", "date" },
        { "/annex.pdf?date=2020-08-17&draft=true&draft=false", "draft" },
        { "/api/annex?area=14&area=116", "area" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_asked_with_a_parameter_twice_refuses_naming_it(string url, string name)
    {
        var client = await factory.ClientForAsync(Roles.Director);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await Html.ParseAsync(response)).QuerySelector("main")!.Text();
        Assert.Contains($"Tham số {name} được gửi 2 lần (", text, StringComparison.Ordinal);
        Assert.Contains("không rõ dùng giá trị nào", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_endpoint_asked_with_a_parameter_twice_refuses_naming_it(string url, string name)
    {
        var client = await factory.ClientForAsync(Roles.Director);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith($"Tham số {name} được gửi 2 lần (", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_refusal_is_in_English_for_an_English_reader_and_the_districts_list_may_still_repeat()
    {
        var client = await factory.ClientForAsync(Roles.Director);
        var english = await client.GetAsync(new Uri("/api/annex?date=2020-08-12&date=2020-08-17&culture=en-US", UriKind.Relative));
        using var json = JsonDocument.Parse(await english.Content.ReadAsStringAsync());
        Assert.Equal("The parameter date was sent 2 times (\"2020-08-12\", \"2020-08-17\"), so which value to use is unclear; send date once.", json.RootElement.GetProperty("detail").GetString());

        // A list meant to repeat (the dashboard's districts to chart) is not refused.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/?d=116&d=123", UriKind.Relative))).StatusCode);
    }
}
