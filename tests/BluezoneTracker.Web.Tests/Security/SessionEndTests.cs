using System.Net;
using AngleSharp.Html.Dom;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Security;

/// <summary>
/// A session ends at once, on its very next request, after sign-out, a password change, a disable and a
/// role change — including a copy of the cookie kept by someone else (issue #15, point 4).
/// </summary>
public sealed class SessionEndTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private static readonly Uri Home = new("/", UriKind.Relative);

    /// <summary>A signed-in client and a copy of its cookies, as an attacker who stole them would replay them.</summary>
    private async Task<(HttpClient Client, HttpClient Replay)> SignedInWithCopyAsync(string userName, string role = Roles.Viewer)
    {
        await factory.EnsureUserAsync(userName, role, SignedInClients.Password);
        var client = await factory.SignInAsync(userName, SignedInClients.Password, followRedirects: false);
        var home = await client.GetAsync(Home);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var cookies = string.Join("; ", home.RequestMessage!.Headers.GetValues("Cookie"));
        Assert.Contains("bz.auth=", cookies, StringComparison.Ordinal);
        var replay = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", cookies);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync(Home)).StatusCode);
        return (client, replay);
    }

    private static void AssertSignedOut(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_sign_out_a_copy_of_the_old_cookie_no_longer_works()
    {
        var (client, replay) = await SignedInWithCopyAsync("dang-xuat");
        // The sign-out form of the navbar, as the browser gets it on a shared page (docs/decisions/099).
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/account/menu", UriKind.Relative)));
        var signOut = (IHtmlFormElement)page.QuerySelectorAll("form").First(f => f.GetAttribute("action")?.Contains("signout", StringComparison.OrdinalIgnoreCase) == true);
        await client.SubmitAsync(signOut);

        AssertSignedOut(await replay.GetAsync(Home));
        AssertSignedOut(await client.GetAsync(Home));
    }

    [Fact]
    public async Task A_role_change_disable_and_password_reset_end_the_session_at_the_next_request()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        foreach (var (handler, values) in new (string, Dictionary<string, string>)[]
        {
            ("Role", new() { ["role"] = Roles.Staff }),
            ("Disable", new() { ["disabled"] = "true" }),
            ("Password", new() { ["password"] = "Mat-khau-moi@2021" }),
        })
        {
            var userName = "phien-" + handler.ToLowerInvariant();
            var (_, replay) = await SignedInWithCopyAsync(userName);
            var id = await factory.QueryAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == userName).Id));
            var edit = await Html.ParseAsync(await admin.GetAsync(new Uri($"/admin/users/{id}", UriKind.Relative)));
            var form = (IHtmlFormElement)edit.QuerySelectorAll("form").First(f => f.GetAttribute("action")?.Contains("handler=" + handler, StringComparison.Ordinal) == true);
            var done = await admin.SubmitAsync(form, values);
            Assert.True(done.IsSuccessStatusCode, $"{handler}: {(int)done.StatusCode}");

            AssertSignedOut(await replay.GetAsync(Home));
        }
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_keeps_this_one()
    {
        var (here, _) = await SignedInWithCopyAsync("tu-doi-mk");
        var elsewhere = await factory.SignInAsync("tu-doi-mk", SignedInClients.Password, followRedirects: false);
        await here.SubmitAsync("/account/password", "[data-testid=password-form]", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = SignedInClients.Password,
            ["Input.NewPassword"] = "Moi-hon@2021",
            ["Input.ConfirmPassword"] = "Moi-hon@2021",
        });

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync(Home)).StatusCode);
        AssertSignedOut(await elsewhere.GetAsync(Home));
    }

    [Fact]
    public async Task A_session_stays_valid_across_requests_while_nothing_changes()
    {
        var (client, _) = await SignedInWithCopyAsync("khong-doi");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Home)).StatusCode);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.NotNull(await users.FindByNameAsync("khong-doi"));
    }
}
