using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BluezoneTracker.Web.Tests.Security;

/// <summary>Every /api status is problem+json; cookie writes need our own origin or the anti-forgery header (issue #15, point 6).</summary>
public sealed class ApiHardeningTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private static readonly Uri Upload = new("/api/snapshots/2020-08-18", UriKind.Relative);

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("title").GetString()));
    }

    internal static ByteArrayContent Csv()
    {
        var body = new ByteArrayContent(IntakeClient.Corpus("names-utf8-semicolon-dotted.csv"));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        return body;
    }

    [Fact]
    public async Task Unauthorized_forbidden_not_found_and_wrong_method_are_problem_json()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        await AssertProblemAsync(await anonymous.GetAsync(new Uri("/api/annex", UriKind.Relative)), HttpStatusCode.Unauthorized);

        var badToken = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        badToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bzt_khong-phai-ma-that");
        var refused = await badToken.GetAsync(new Uri("/api/annex", UriKind.Relative));
        await AssertProblemAsync(refused, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);

        var viewer = await factory.ApiClientAsync(Roles.Viewer);
        await AssertProblemAsync(await viewer.PostAsync(Upload, Csv()), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await viewer.GetAsync(new Uri("/api/khong-co", UriKind.Relative)), HttpStatusCode.NotFound);
        await AssertProblemAsync(await viewer.GetAsync(Upload), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_broken_multipart_body_is_a_400_problem()
    {
        var staff = await factory.ApiClientAsync(Roles.Staff);
        foreach (var (name, body) in HostileInputs.Bodies().Take(4))
        {
            var response = await staff.PostAsync(Upload, body());
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, name);
            await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task A_cookie_authenticated_write_from_a_foreign_origin_is_refused_and_stores_nothing()
    {
        var staff = await factory.ClientForAsync(Roles.Staff, followRedirects: false);
        var before = await factory.QueryAsync(db => Task.FromResult(db.SnapshotRevisions.Count()));

        using var foreign = new HttpRequestMessage(HttpMethod.Post, Upload) { Content = Csv() };
        foreign.Headers.Add("Origin", "https://trang-xau.example");
        await AssertProblemAsync(await staff.SendAsync(foreign), HttpStatusCode.Forbidden);

        using var noOrigin = new HttpRequestMessage(HttpMethod.Post, Upload) { Content = Csv() };
        await AssertProblemAsync(await staff.SendAsync(noOrigin), HttpStatusCode.Forbidden);
        Assert.Equal(before, await factory.QueryAsync(db => Task.FromResult(db.SnapshotRevisions.Count())));
    }

    [Fact]
    public async Task A_cookie_authenticated_write_with_our_origin_or_the_anti_forgery_header_is_accepted()
    {
        var staff = await factory.ClientForAsync(Roles.Staff, followRedirects: false);
        using var sameOrigin = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/snapshots/2020-08-19", UriKind.Relative)) { Content = Csv() };
        sameOrigin.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.Created, (await staff.SendAsync(sameOrigin)).StatusCode);

        var token = (await Html.ParseAsync(await staff.GetAsync(new Uri("/account/password", UriKind.Relative)))).AntiforgeryToken();
        using var withToken = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/snapshots/2020-08-20", UriKind.Relative)) { Content = Csv() };
        withToken.Headers.Add(ApiForgeryCheck.HeaderName, token);
        Assert.Equal(HttpStatusCode.Created, (await staff.SendAsync(withToken)).StatusCode);
    }
}

/// <summary>The API limit is counted per validated user, and per address for everything else (issue #15, point 6).</summary>
public sealed class ApiRateLimitTests(ApiRateLimitTests.ThreePerMinute factory) : IClassFixture<ApiRateLimitTests.ThreePerMinute>
{
    private static readonly Uri Annex = new("/api/annex", UriKind.Relative);

    public sealed class ThreePerMinute : BluezoneAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:ApiPerMinute", "3");
        }
    }

    [Fact]
    public async Task Guessed_tokens_are_counted_per_address_and_the_429_says_when_to_retry()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            // A different Authorization header each time: it must not buy a fresh allowance.
            var guess = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
            guess.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", $"bzt_doan-{i}");
            last = await guess.GetAsync(Annex);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        await ApiHardeningTests.AssertProblemAsync(last!, HttpStatusCode.TooManyRequests);
        Assert.InRange(last!.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);

        // A valid token is counted against its user, not against the address the guesses came from.
        var director = await factory.ApiClientAsync(Roles.Director);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync(Annex)).StatusCode);
    }

    [Fact]
    public async Task Each_user_has_an_allowance_of_their_own()
    {
        var staff = await factory.ApiClientAsync(Roles.Staff);
        var viewer = await factory.ApiClientAsync(Roles.Viewer);
        var staffStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            staffStatuses.Add((await staff.GetAsync(Annex)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, staffStatuses[^1]);
        Assert.All(staffStatuses.Take(3), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(Annex)).StatusCode);
    }
}
