using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Pages.Account;

/// <summary>A signed-in user changes their own password at /account/password.</summary>
public sealed class ChangingOwnPasswordTests(ChangingOwnPasswordTests.StampCheckedOnEveryRequest factory) : IClassFixture<ChangingOwnPasswordTests.StampCheckedOnEveryRequest>
{
    private const string NewPassword = "Moi-hon@2021";

    /// <summary>The app checks security stamps every minute; here on every request, so "signed out" shows at once.</summary>
    public sealed class StampCheckedOnEveryRequest : BluezoneAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        }
    }

    private async Task<HttpClient> SignedInAsync(string userName, bool followRedirects = true)
    {
        await factory.EnsureUserAsync(userName, Roles.Viewer, SignedInClients.Password);
        return await factory.SignInAsync(userName, SignedInClients.Password, followRedirects);
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string again) =>
        client.SubmitAsync("/account/password", "[data-testid=password-form]", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = again,
        });

    [Fact]
    public async Task The_navbar_links_to_the_page_for_every_role()
    {
        foreach (var role in Roles.All)
        {
            var page = await Html.ParseAsync(await (await factory.ClientForAsync(role)).GetAsync(new Uri("/", UriKind.Relative)));
            Assert.Equal("/account/password", page.QuerySelector("[data-testid=change-password]")!.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task A_change_keeps_this_session_signs_out_the_others_and_is_audited()
    {
        var here = await SignedInAsync("doi-mk", followRedirects: false);
        var elsewhere = await factory.SignInAsync("doi-mk", SignedInClients.Password, followRedirects: false);

        var changed = await ChangeAsync(here, SignedInClients.Password, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Mật khẩu đã được đổi. Các phiên đăng nhập khác của bạn sẽ bị đăng xuất.", (await Html.ParseAsync(changed)).QuerySelector("[data-testid=message]")!.Text());
        var stillHere = await here.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
        var menu = await here.GetAsync(new Uri("/account/menu", UriKind.Relative));
        Assert.Equal("doi-mk", (await Html.ParseAsync(menu)).QuerySelector("[data-testid=signed-in-as]")!.Text());

        var signedOut = await elsewhere.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/account/signin", signedOut.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, (await factory.AnonymousClient().TrySignInAsync("doi-mk", SignedInClients.Password)).StatusCode);
        await factory.SignInAsync("doi-mk", NewPassword);

        var audit = Assert.Single(await factory.AuditAsync(AuditKinds.PasswordChanged), a => a.Subject == "doi-mk");
        Assert.Equal("doi-mk", audit.UserName);
        Assert.Equal("127.0.0.1", audit.IpAddress);
        Assert.DoesNotContain(NewPassword, audit.After ?? string.Empty, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "sai-mk-1", "Sai-mat-khau@1", NewPassword, "Mật khẩu hiện tại không đúng." },
        { "sai-mk-2", SignedInClients.Password, "ngan", "Mật khẩu phải có ít nhất 8 ký tự." },
        { "sai-mk-3", SignedInClients.Password, "khongcoso-hoa", "Mật khẩu phải có ít nhất một chữ số." },
        { "sai-mk-4", SignedInClients.Password, "Khac@2021", "Mật khẩu nhập lại không khớp với mật khẩu mới." },
        { "sai-mk-5", SignedInClients.Password, SignedInClients.Password, "Mật khẩu mới phải khác mật khẩu hiện tại." },
        { "sai-mk-6", "", NewPassword, "Vui lòng nhập mật khẩu hiện tại." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_refused_change_says_why_and_leaves_the_password_as_it_was(string user, string current, string next, string message)
    {
        var client = await SignedInAsync(user);
        var again = message.Contains("không khớp", StringComparison.Ordinal) ? NewPassword : next;

        var response = await ChangeAsync(client, current, next, again);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await Html.ParseAsync(response)).QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);
        await factory.SignInAsync(user, SignedInClients.Password);
        Assert.DoesNotContain(await factory.AuditAsync(AuditKinds.PasswordChanged), a => a.Subject == user);
    }

    [Fact]
    public async Task Messages_are_in_english_when_english_is_chosen()
    {
        var client = await SignedInAsync("doi-mk-en");
        var response = await client.SubmitAsync("/account/password?culture=en-US", "[data-testid=password-form]", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Sai-mat-khau@1", ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Contains("The current password is wrong.", (await Html.ParseAsync(response)).QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        var client = await SignedInAsync("doi-mk-csrf");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = SignedInClients.Password, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        });

        var response = await client.PostAsync(new Uri("/account/password", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await factory.SignInAsync("doi-mk-csrf", SignedInClients.Password);
    }

    [Fact]
    public async Task Guessing_the_current_password_locks_the_account_and_signs_out_like_the_sign_in_page()
    {
        var client = await SignedInAsync("doi-mk-doan", followRedirects: false);
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await ChangeAsync(client, $"Doan-sai@{i}", NewPassword, NewPassword);
        }

        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        var refused = await Html.ParseAsync(await factory.AnonymousClient().TrySignInAsync("doi-mk-doan", SignedInClients.Password));
        Assert.Contains("tạm bị khoá", refused.QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);
    }
}
