using System.Net;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;

namespace BluezoneTracker.Web.Tests.Pages.Shared;

/// <summary>
/// A fresh user's trial (round 8, point 4): a 5 000-character date came back whole in the 400's message. A message
/// quotes the user's text cut to 40 characters and "…", wherever it quotes it (one formatter, <see cref="UiFormat.Echo"/>).
/// </summary>
public sealed class LongInputEchoTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private static readonly string LongDate = "2020-08-17" + new string('9', 4_990);

    private static readonly string Cut = LongDate[..40] + "…";

    [Theory]
    [InlineData("/api/annex?date=")]
    [InlineData("/api/annex?date=2020-08-17&compare=")]
    [InlineData("/annex.csv?date=")]
    public async Task An_endpoint_quotes_a_long_bad_date_cut(string url)
    {
        var client = await factory.ClientForAsync(Roles.Director);
        var response = await client.GetAsync(new Uri(url + LongDate, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = json.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains($"\"{Cut}\"", detail, StringComparison.Ordinal);
        Assert.True(detail.Length < 200, $"The message is {detail.Length} characters long.");
    }

    [Theory]
    [InlineData("/annex?date=")]
    [InlineData("/?date=")]
    public async Task A_page_quotes_a_long_bad_date_cut(string url)
    {
        var client = await factory.ClientForAsync(Roles.Director);
        var response = await client.GetAsync(new Uri(url + LongDate, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await Html.ParseAsync(response)).QuerySelector("[data-testid=problem]")!.Text();
        Assert.Contains($"\"{Cut}\"", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(LongDate[..41], problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_upload_quotes_a_long_bad_date_and_a_long_count_cut()
    {
        var client = await factory.ClientForAsync(Roles.Staff);
        var longCount = new string('x', 300);
        var (response, page) = await IntakeClient.PreviewAsync(client, LongDate, "so-lieu.csv", System.Text.Encoding.UTF8.GetBytes($"Huyện,Số đăng ký\nThành phố Sơn La,{longCount}\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = page.QuerySelector("[data-testid=problems]")!.Text();
        Assert.Contains($"\"{Cut}\"", problems, StringComparison.Ordinal);
        Assert.Contains($"\"{longCount[..40]}…\"", problems, StringComparison.Ordinal);
        Assert.DoesNotContain(longCount[..41], problems, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020-08-17", "2020-08-17")]
    [InlineData(null, "")]
    public void Short_text_is_quoted_whole(string? text, string quoted) => Assert.Equal(quoted, UiFormat.Echo(text));

    [Fact]
    public void Long_text_is_cut_between_letters_never_inside_one()
    {
        // 39 letters and then "ệ" written as e + two combining marks: the 40th letter is kept whole.
        var text = new string('a', 39) + "e\u0323\u0302" + new string('b', 10);
        Assert.Equal(new string('a', 39) + "e\u0323\u0302…", UiFormat.Echo(text));
        var emoji = new string('a', 39) + "😀😀";
        Assert.Equal(new string('a', 39) + "😀…", UiFormat.Echo(emoji));
    }
}
