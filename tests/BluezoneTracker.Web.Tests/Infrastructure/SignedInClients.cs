using System.Net;
using AngleSharp.Html.Dom;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// Clients that sign in the way a person does: open the sign-in page, fill in the form (with its
/// anti-forgery token) and keep the cookies. One user per role ("test-staff" …) is created on demand,
/// so this works with and without the demo seed.
/// </summary>
public static class SignedInClients
{
    public const string Password = "Kiem-thu@2020";

    /// <summary>A client signed in with <paramref name="role"/> (a <see cref="Roles"/> constant).</summary>
    public static async Task<HttpClient> ClientForAsync(this WebApplicationFactory<Program> factory, string role, bool followRedirects = true)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var userName = "test-" + role.ToLowerInvariant();
        await factory.EnsureUserAsync(userName, role, Password);
        return await factory.SignInAsync(userName, Password, followRedirects);
    }

    /// <summary>A machine client: no cookies, a personal API token of a user with <paramref name="role"/> as <c>Authorization: Bearer</c>.</summary>
    public static async Task<HttpClient> ApiClientAsync(this WebApplicationFactory<Program> factory, string role)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var userName = "api-" + role.ToLowerInvariant();
        await factory.EnsureUserAsync(userName, role, Password);
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName);
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user!, "tests", 30);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client with cookies that has not signed in.</summary>
    public static HttpClient AnonymousClient(this WebApplicationFactory<Program> factory, bool followRedirects = true)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });
    }

    /// <summary>Signs in through the form; fails the test when the sign-in does not succeed.</summary>
    public static async Task<HttpClient> SignInAsync(this WebApplicationFactory<Program> factory, string userName, string password, bool followRedirects = true)
    {
        var client = factory.AnonymousClient(followRedirects);
        var response = await client.TrySignInAsync(userName, password);
        var signedIn = response.StatusCode == HttpStatusCode.Redirect
            || (response.IsSuccessStatusCode && response.RequestMessage!.RequestUri!.AbsolutePath != "/account/signin");
        if (!signedIn)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>Submits the sign-in form and returns the raw response (302 on success, the page again on failure).</summary>
    public static async Task<HttpResponseMessage> TrySignInAsync(this HttpClient client, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/account/signin", UriKind.Relative)));
        var form = (IHtmlFormElement)page.QuerySelector("[data-testid=signin-form]")!;
        return await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });
    }

    public static async Task EnsureUserAsync(this WebApplicationFactory<Program> factory, string userName, string role, string password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            return;
        }

        var user = new AppUser { UserName = userName, DisplayName = "Kiểm thử " + role };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
    }
}
