using System.Net;
using System.Net.Http.Headers;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Tests.Accounts;

public sealed class ApiTokenTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task A_new_token_is_shown_once_and_stored_only_as_a_hash()
    {
        var staff = await factory.ClientForAsync(Roles.Staff);
        var token = await CreateTokenAsync(staff, "Máy nhập tự động");

        Assert.StartsWith(ApiTokens.Prefix, token, StringComparison.Ordinal);
        var stored = await factory.QueryAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Name == "Máy nhập tự động"));
        Assert.Equal(ApiTokens.Hash(token), stored.Hash);
        Assert.DoesNotContain(token, stored.Hash, StringComparison.Ordinal);
        var listAgain = await staff.GetStringAsync(new Uri("/account/tokens", UriKind.Relative));
        Assert.DoesNotContain(token, listAgain, StringComparison.Ordinal);
        Assert.Contains(stored.Prefix, listAgain, StringComparison.Ordinal);
        Assert.Contains(await factory.AuditAsync(AuditKinds.TokenCreated), a => a.UserName == "test-staff" && a.After!.Contains("Máy nhập tự động", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bearer_token_signs_in_the_api_until_it_is_revoked()
    {
        var staff = await factory.ClientForAsync(Roles.Staff);
        var token = await CreateTokenAsync(staff, "Thu hồi sau");
        var machine = factory.AnonymousClient(followRedirects: false);
        machine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var before = await machine.GetAsync(new Uri("/api/annex?date=2020-08-17", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains(await factory.AuditAsync(AuditKinds.TokenUsed), a => a.UserName == "test-staff");

        var id = await factory.QueryAsync(db => db.ApiTokens.Where(t => t.Name == "Thu hồi sau").Select(t => t.Id).SingleAsync());
        var revoke = await staff.SubmitAsync("/account/tokens", $"form[action$='handler=Revoke&id={id}'], form[action*='id={id}']");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        var after = await machine.GetAsync(new Uri("/api/annex?date=2020-08-17", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains(await factory.AuditAsync(AuditKinds.TokenRevoked), a => a.UserName == "test-staff");
    }

    [Fact]
    public async Task Expired_unknown_and_disabled_users_tokens_are_refused()
    {
        var staff = await factory.ClientForAsync(Roles.Staff);
        var expired = await CreateTokenAsync(staff, "Hết hạn");
        await factory.QueryAsync(db => db.ApiTokens.Where(t => t.Name == "Hết hạn")
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddDays(-1))));

        await factory.EnsureUserAsync("se-bi-khoa", Roles.Staff, SignedInClients.Password);
        var disabledOwner = await factory.SignInAsync("se-bi-khoa", SignedInClients.Password);
        var ofDisabled = await CreateTokenAsync(disabledOwner, "Chủ bị khoá");
        await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "se-bi-khoa").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));

        foreach (var token in new[] { expired, ofDisabled, ApiTokens.Prefix + "khong-ton-tai", "not-even-ours" })
        {
            var machine = factory.AnonymousClient(followRedirects: false);
            machine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await machine.GetAsync(new Uri("/api/annex", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    private static async Task<string> CreateTokenAsync(HttpClient client, string name)
    {
        var response = await client.SubmitAsync("/account/tokens", "form[action*='handler=Create']", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Days"] = "30" });
        Assert.True(response.StatusCode == HttpStatusCode.OK, response.RequestMessage!.Method + " " + response.RequestMessage.RequestUri + " " + await response.Content.ReadAsStringAsync());
        return (await Html.ParseAsync(response)).QuerySelector("[data-testid=new-token]")!.Text();
    }
}
