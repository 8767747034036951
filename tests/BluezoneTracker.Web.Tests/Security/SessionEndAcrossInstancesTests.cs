using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BluezoneTracker.Web.Tests.Security;

/// <summary>
/// A session revoked through another instance on the same store (sign-out, disable, password reset: each renews
/// the security stamp) is refused here once <see cref="SessionChecks.Freshness"/> has passed since this instance
/// last checked it, and accepted without a query before (docs/decisions/100). Time is this instance's manual
/// clock, moved by the test: nothing waits on the wall clock.
/// </summary>
public sealed class SessionEndAcrossInstancesTests : IDisposable
{
    private static readonly Uri Home = new("/", UriKind.Relative);

    private readonly ClockedServer _first = new();

    public void Dispose() => _first.Dispose();

    /// <summary>The instance under test: its session checks run on a clock the test moves.</summary>
    private sealed class ClockedServer : BluezoneAppFactory
    {
        public ManualTicks Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton(new SessionChecks(Clock))));
        }
    }

    /// <summary>Another instance over the same store, with the system clock.</summary>
    private sealed class SecondServer(string folder) : BluezoneAppFactory(folder, ownsFolder: false);

    /// <summary>A clock whose time moves only when told (timestamps in ticks of 100 ns).</summary>
    private sealed class ManualTicks : TimeProvider
    {
        private long _ticks = DateTimeOffset.UtcNow.Ticks;

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);
    }

    public static TheoryData<string> Revocations => new() { "sign-out", "disable", "password" };

    [Theory]
    [MemberData(nameof(Revocations))]
    public async Task A_session_revoked_by_another_instance_is_refused_here_within_the_bound(string revocation)
    {
        var userName = "xa-" + revocation;
        await _first.EnsureUserAsync(userName, Roles.Viewer, SignedInClients.Password);
        var client = await _first.SignInAsync(userName, SignedInClients.Password, followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Home)).StatusCode);

        using (var second = new SecondServer(_first.Folder))
        {
            await using var scope = second.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
            switch (revocation)
            {
                case "sign-out":
                    await users.UpdateSecurityStampAsync(user);
                    break;
                case "disable":
                    user.IsDisabled = true;
                    await users.UpdateSecurityStampAsync(user);
                    break;
                case "password":
                    await users.RemovePasswordAsync(user);
                    await users.AddPasswordAsync(user, "Mat-khau-khac@2021");
                    break;
            }
        }

        // This instance checked the session a moment ago (by its clock): it trusts that check until the bound.
        _first.Clock.Advance(SessionChecks.Freshness - TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Home)).StatusCode);

        _first.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var after = await client.GetAsync(Home);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/signin", after.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>A change of the user through this instance ends the remembered check at once, whatever the clock says.</summary>
    [Fact]
    public async Task A_session_revoked_through_this_instance_is_refused_at_the_next_request_without_the_clock_moving()
    {
        await _first.EnsureUserAsync("gan-sign-out", Roles.Viewer, SignedInClients.Password);
        var client = await _first.SignInAsync("gan-sign-out", SignedInClients.Password, followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Home)).StatusCode);

        await using (var scope = _first.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByNameAsync("gan-sign-out"))!);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(Home)).StatusCode);
    }

    /// <summary>The remembered checks are bounded: past the bound they are dropped and read again, never refused.</summary>
    [Fact]
    public void The_remembered_checks_are_bounded()
    {
        var checks = new SessionChecks(new ManualTicks());
        for (var i = 0; i <= SessionChecks.MaxEntries; i++)
        {
            checks.RememberValid("user-" + i, "stamp", checks.Generation);
        }

        Assert.True(checks.Count <= SessionChecks.MaxEntries);
        Assert.True(checks.IsKnownValid("user-" + SessionChecks.MaxEntries, "stamp"));
        Assert.False(checks.IsKnownValid("user-" + SessionChecks.MaxEntries, "another stamp"));
    }
}
