using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BluezoneTracker.Web.Tests.Snapshots;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Deployment;

/// <summary>
/// Stateless instances (issue #12 point 4, the short version that CI runs; the load and kill -9 part is
/// bench/two-instances/run.sh): what one instance did, the other knows — a sign-in, an upload waiting for
/// confirmation, a write — and nginx sends requests to both in turn.
/// </summary>
public sealed class TwoInstancesTests(TwoInstances apps) : IClassFixture<TwoInstances>
{
    private const string Password = "Bluezone@2020";

    /// <summary>Two clients, one per instance, sharing one cookie jar as one browser would behind a proxy.</summary>
    private (HttpClient A, HttpClient B) Browser()
    {
        var cookies = new CookieContainer();
        HttpClient To(Uri instance) => new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = instance };
        return (To(apps.A), To(apps.B));
    }

    [Fact]
    public async Task A_sign_in_through_one_instance_is_honoured_by_the_other_and_nginx_uses_both()
    {
        var (a, b) = Browser();
        var signedIn = await a.TrySignInAsync("xem", Password);
        Assert.Equal("/", signedIn.RequestMessage!.RequestUri!.AbsolutePath);

        using var dashboard = await b.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("/", dashboard.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await Html.ParseAsync(dashboard);
        Assert.Contains("Sơn La", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=signin-form]"));

        // Round-robin: four requests through nginx reach both instances.
        using var proxy = new HttpClient { BaseAddress = apps.Proxy };
        for (var i = 0; i < 4; i++)
        {
            using var response = await proxy.GetAsync(new Uri("/health/ready?n=" + i, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var upstreams = (await File.ReadAllLinesAsync(apps.AccessLog))
            .Where(l => l.Contains("/health/ready?n=", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { apps.A.Authority, apps.B.Authority }.Order(StringComparer.Ordinal), upstreams);
    }

    [Fact]
    public async Task An_upload_previewed_through_one_instance_is_confirmed_through_the_other()
    {
        var (a, b) = Browser();
        Assert.Equal("/", (await a.TrySignInAsync("canbo", Password)).RequestMessage!.RequestUri!.AbsolutePath);
        var (preview, page) = await IntakeClient.PreviewAsync(a, "2020-08-19", "so-lieu.csv", IntakeClient.Corpus("template-utf8-bom-comma.csv"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-testid=confirm-form]"));

        // The preview may ask the reader to tick that its warnings were checked; a person does so after reading them.
        var confirmed = await IntakeClient.ConfirmAsync(b, page, confirmWarnings: page.QuerySelector("input[name=ConfirmWarnings]") is not null);
        var history = await Html.ParseAsync(confirmed);
        Assert.True(confirmed.RequestMessage!.RequestUri!.AbsolutePath == "/snapshots/2020-08-19",
            "instance B could not confirm the upload previewed on A (uploads waiting for confirmation must live in the store): "
            + string.Join(' ', (history.QuerySelector("[data-testid=problems]") ?? history.Body)!.TextContent.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("Đã lưu bản #1.", history.QuerySelector("[data-testid=saved]")!.TextContent);
    }

    [Fact]
    public async Task A_write_through_one_instance_is_read_through_the_other_within_a_second()
    {
        var (a, b) = Browser();
        Assert.Equal("/", (await a.TrySignInAsync("canbo", Password)).RequestMessage!.RequestUri!.AbsolutePath);
        var tokens = await a.SubmitAsync("/account/tokens", "form[action*=Create]", new Dictionary<string, string> { ["Input.Name"] = "hai-may", ["Input.Days"] = "1" });
        var token = (await Html.ParseAsync(tokens)).QuerySelector("[data-testid=new-token]")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(token), "no token was created");

        // B has read the date already (a cached "no counts"), so seeing the write is B's own doing.
        using var before = await b.GetAsync(new Uri("/api/annex?date=2020-08-20", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);

        var csv = IntakeClient.Corpus("template-utf8-bom-comma.csv");
        var total = CsvTotal(csv);
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/snapshots/2020-08-20", UriKind.Relative))
        {
            Content = new ByteArrayContent(csv) { Headers = { ContentType = MediaTypeHeaderValue.Parse("text/csv") } },
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var api = new HttpClient { BaseAddress = apps.A };
        using var written = await api.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        var clock = Stopwatch.StartNew();

        long? seen = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            using var read = await b.GetAsync(new Uri("/api/annex?date=2020-08-20", UriKind.Relative));
            if (read.StatusCode == HttpStatusCode.OK)
            {
                using var json = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
                seen = json.RootElement.GetProperty("total").GetProperty("registrations").GetInt64();
                break;
            }

            await Task.Delay(50);
        }

        Assert.Equal(total, seen);
    }

    /// <summary>The sum of the file's count column, computed here rather than by the app.</summary>
    private static long CsvTotal(byte[] csv) => Encoding.UTF8.GetString(csv).Split('\n').Skip(1)
        .Select(l => l.Trim().Split(',')).Where(f => f.Length >= 3 && long.TryParse(f[^1], out _))
        .Sum(f => long.Parse(f[^1], System.Globalization.CultureInfo.InvariantCulture));
}
