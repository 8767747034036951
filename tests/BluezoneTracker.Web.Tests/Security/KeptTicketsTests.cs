using System.Net;
using System.Security.Claims;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Tests.Security;

/// <summary>
/// The sign-in cookie's opened tickets are kept (docs/decisions/103) without letting anything through that the
/// plain format would refuse: a tampered value, an expired ticket, a signed-out session.
/// </summary>
public sealed class KeptTicketsTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private static readonly Uri Home = new("/", UriKind.Relative);
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    private static (KeptTickets Kept, Counting Inner, ManualClock Clock) Format()
    {
        var protector = new EphemeralDataProtectionProvider().CreateProtector("kept-tickets-test");
        var inner = new Counting(new TicketDataFormat(protector));
        var clock = new ManualClock(Start);
        return (new KeptTickets(inner, clock), inner, clock);
    }

    private static AuthenticationTicket Ticket(DateTimeOffset expires) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "xem")], "test")),
            new AuthenticationProperties { IssuedUtc = Start, ExpiresUtc = expires }, "Identity.Application");

    [Fact]
    public void A_kept_value_is_opened_once_and_every_request_gets_its_own_copy()
    {
        var (kept, inner, _) = Format();
        var value = kept.Protect(Ticket(Start.AddHours(8)));

        var first = kept.Unprotect(value)!;
        var second = kept.Unprotect(value)!;
        Assert.Equal(1, inner.Opened);
        Assert.NotSame(first.Principal, second.Principal);

        // What one request does to its principal or properties reaches no other request.
        ((ClaimsIdentity)second.Principal.Identity!).AddClaim(new Claim(ClaimTypes.Role, "Admin"));
        second.Properties.Items["x"] = "y";
        var third = kept.Unprotect(value)!;
        Assert.False(third.Principal.IsInRole("Admin"));
        Assert.False(third.Properties.Items.ContainsKey("x"));
        Assert.Equal("xem", third.Principal.Identity!.Name);
    }

    [Fact]
    public void A_tampered_value_is_refused_after_the_genuine_one_was_kept()
    {
        var (kept, _, _) = Format();
        var value = kept.Protect(Ticket(Start.AddHours(8)));
        Assert.NotNull(kept.Unprotect(value));

        var middle = value.Length / 2;
        var tampered = value[..middle] + (value[middle] == 'A' ? 'B' : 'A') + value[(middle + 1)..];
        Assert.Null(kept.Unprotect(tampered));
        Assert.Null(kept.Unprotect(value + "A"));
        Assert.Null(kept.Unprotect(value, "another purpose"));
        Assert.Equal(1, kept.Count);
    }

    [Fact]
    public void An_entry_is_opened_again_after_five_minutes_and_never_kept_past_the_ticket_expiry()
    {
        var (kept, inner, clock) = Format();
        var longLived = kept.Protect(Ticket(Start.AddHours(8)));
        var shortLived = kept.Protect(Ticket(Start.AddMinutes(1)));
        kept.Unprotect(longLived);
        kept.Unprotect(shortLived);
        Assert.Equal(2, inner.Opened);

        clock.Now = Start.AddMinutes(2);
        kept.Unprotect(longLived);
        Assert.Equal(2, inner.Opened);
        kept.Unprotect(shortLived);
        Assert.Equal(3, inner.Opened);

        clock.Now = Start + KeptTickets.MaxAge;
        kept.Unprotect(longLived);
        Assert.Equal(4, inner.Opened);
    }

    [Fact]
    public async Task The_app_keeps_tickets_and_still_refuses_a_tampered_an_expired_and_an_ended_cookie()
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var format = Assert.IsType<KeptTickets>(options.TicketDataFormat);

        await factory.EnsureUserAsync("ve-giu", Roles.Viewer, SignedInClients.Password);
        var client = await factory.SignInAsync("ve-giu", SignedInClients.Password, followRedirects: false);
        var home = await client.GetAsync(Home);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var cookie = home.RequestMessage!.Headers.GetValues("Cookie").SelectMany(c => c.Split("; "))
            .Single(c => c.StartsWith("bz.auth=", StringComparison.Ordinal))["bz.auth=".Length..];
        Assert.Equal(HttpStatusCode.OK, (await Replay(cookie).GetAsync(Home)).StatusCode);
        Assert.True(format.Count >= 1);

        var middle = cookie.Length / 2;
        var tampered = cookie[..middle] + (cookie[middle] == 'A' ? 'B' : 'A') + cookie[(middle + 1)..];
        AssertSignedOut(await Replay(tampered).GetAsync(Home));

        // The same user and stamp, but a ticket whose time is up: the handler checks expiry on a kept ticket too.
        var ticket = format.Unprotect(cookie)!;
        ticket.Properties.IssuedUtc = DateTimeOffset.UtcNow.AddHours(-9);
        ticket.Properties.ExpiresUtc = DateTimeOffset.UtcNow.AddHours(-1);
        AssertSignedOut(await Replay(format.Protect(ticket)).GetAsync(Home));

        var userId = await factory.QueryAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == "ve-giu").Id));
        using (var scope = factory.Services.CreateScope())
        {
            // What sign-out does (SessionEndTests goes through its form): renew the stamp, ending every copy of the cookie.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(userId))!);
        }

        AssertSignedOut(await Replay(cookie).GetAsync(Home));
    }

    private HttpClient Replay(string cookie)
    {
        var replay = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", "bz.auth=" + cookie);
        return replay;
    }

    private static void AssertSignedOut(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private sealed class Counting(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Opened { get; private set; }

        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Opened++;
            return inner.Unprotect(protectedText, purpose);
        }
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
