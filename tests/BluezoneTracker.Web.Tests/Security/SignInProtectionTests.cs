using System.Net;
using AngleSharp.Html.Dom;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Security;

public sealed class LockoutTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await factory.EnsureUserAsync("bi-khoa", Roles.Viewer, SignedInClients.Password);
        var client = factory.AnonymousClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var page = await Html.ParseAsync(await client.TrySignInAsync("bi-khoa", "sai-mat-khau"));
            Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", page.QuerySelector("[data-testid=problem]")!.Text());
        }

        // The fifth locks the account but says nothing more: an unknown name never locks, so saying it would tell names apart.
        var fifth = await Html.ParseAsync(await client.TrySignInAsync("bi-khoa", "sai-mat-khau"));
        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", fifth.QuerySelector("[data-testid=problem]")!.Text());

        var right = await client.TrySignInAsync("bi-khoa", SignedInClients.Password);
        Assert.Equal("/account/signin", right.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("tạm bị khoá", (await Html.ParseAsync(right)).QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);

        var failures = (await factory.AuditAsync(AuditKinds.SignInFailed)).Where(a => a.Subject == "bi-khoa").ToList();
        Assert.Equal(6, failures.Count);
        Assert.Contains("LockedOut", failures[^1].After, StringComparison.Ordinal);
        Assert.All(failures, f => Assert.Equal("127.0.0.1", f.IpAddress));
    }
}

public sealed class AntiforgeryTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_rejected_and_changes_nothing()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var form = new Dictionary<string, string>
        {
            ["Input.AgencyName"] = "Cơ quan giả mạo",
            ["Input.AgencyShortName"] = "Giả",
            ["Input.DocumentCode"] = "GIA",
            ["Input.SignerTitle"] = "GIẢ",
        };
        var response = await admin.PostAsync(new Uri("/admin/settings", UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await factory.AuditAsync(AuditKinds.SettingsChanged));
        var annex = await Html.ParseAsync(await admin.GetAsync(new Uri("/annex", UriKind.Relative)));
        Assert.Contains("STTTT-TTBCXB", annex.QuerySelector(".attachment")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_from_another_session_is_rejected()
    {
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        // The viewer's own token, from the per-user menu (kept pages carry none: decision 099).
        var theirToken = (await Html.ParseAsync(await viewer.GetAsync(new Uri("/account/menu", UriKind.Relative)))).AntiforgeryToken();
        var admin = await factory.ClientForAsync(Roles.Admin);
        var response = await admin.PostAsync(new Uri("/admin/settings", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = theirToken,
            ["Input.AgencyName"] = "Cơ quan giả mạo",
            ["Input.AgencyShortName"] = "Giả",
            ["Input.DocumentCode"] = "GIA",
            ["Input.SignerTitle"] = "GIẢ",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await factory.AuditAsync(AuditKinds.SettingsChanged));
    }

    [Fact]
    public async Task Every_form_on_the_admin_pages_carries_an_anti_forgery_token()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var userId = await factory.QueryAsync(db => Task.FromResult(db.Users.First().Id));
        foreach (var url in new[] { "/admin/users", $"/admin/users/{userId}", "/admin/areas/14", "/admin/target", "/admin/settings", "/account/tokens", "/annex/signoff?date=2020-08-17" })
        {
            var page = await Html.ParseAsync(await admin.GetAsync(new Uri(url, UriKind.Relative)));
            var posts = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.NotEmpty(posts);
            Assert.All(posts, f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
        }
    }
}

public sealed class SignInRateLimitTests(SignInRateLimitTests.StrictFactory factory) : IClassFixture<SignInRateLimitTests.StrictFactory>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_in_a_minute_get_429()
    {
        var client = factory.AnonymousClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.TrySignInAsync("ai-do", "doan-mo");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        // The page says what happened and how long to wait (the Retry-After), not "invalid request" (trial 30).
        var seconds = int.Parse(last!.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        var text = (await Html.ParseAsync(last)).Body!.TextContent;
        Assert.Contains("Quá nhiều lần thử", text, StringComparison.Ordinal);
        Assert.Contains($"Vui lòng đợi {seconds} giây rồi thử lại.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Yêu cầu không hợp lệ", text, StringComparison.Ordinal);
    }

    public sealed class StrictFactory : BluezoneAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" };
    }
}
