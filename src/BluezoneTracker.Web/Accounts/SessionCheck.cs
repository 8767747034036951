using System.Collections.Concurrent;
using System.Security.Claims;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Accounts;

/// <summary>
/// Checks a sign-in cookie against the store: the user must still exist, be enabled and carry the security
/// stamp the cookie was issued with. Sign-out, a password change, a disable and a role change all renew the
/// stamp, so an old cookie stops working — on every instance that shares the database, with no session table
/// (see docs/decisions/020). A passed check is trusted for <see cref="SessionChecks.Freshness"/> (docs/decisions/100):
/// a change made by this process ends it at once, one made by another process within that time.
/// </summary>
/// <remarks>
/// Replaces Identity's <c>SecurityStampValidator</c>, which checks only once per interval and, at
/// interval zero, would re-issue the cookie on every response; a check costs one primary-key read.
/// </remarks>
internal static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal?.FindFirstValue(claims.SecurityStampClaimType);
        if (id is not null && stamp is not null)
        {
            var checks = services.GetRequiredService<SessionChecks>();
            if (checks.IsKnownValid(id, stamp))
            {
                return;
            }

            // Taken before the read: a change of users by this process meanwhile keeps the answer from being trusted.
            var generation = checks.Generation;
            var db = services.GetRequiredService<AppDbContext>();
            var stored = await db.Users.AsNoTracking()
                .Where(u => u.Id == id)
                .Select(u => new { u.SecurityStamp, u.IsDisabled })
                .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (stored is { IsDisabled: false } && string.Equals(stored.SecurityStamp, stamp, StringComparison.Ordinal))
            {
                checks.RememberValid(id, stamp, generation);
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}

/// <summary>
/// The sessions whose check against the store passed a moment ago, per user id with the security stamp checked
/// (docs/decisions/100): a warm read by a signed-in user then runs no query. An answer is trusted for
/// <see cref="Freshness"/> at most, so a sign-out, disable, role or password change made through another
/// instance (or the command line) ends the session here within that time; one made through this process's
/// <see cref="UserManager{TUser}"/> forgets every answer at once (<see cref="Forget"/>). Only passed checks are
/// kept; bounded to <see cref="MaxEntries"/> users (beyond that every answer is dropped and read again).
/// </summary>
public sealed class SessionChecks(TimeProvider clock)
{
    /// <summary>How long a passed check is trusted: half of the one second within which any process's write is seen.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMilliseconds(500);

    /// <summary>The most users remembered at once.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Passed> _passed = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Raised by every change of users made by this process; an answer read under an older one is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Users remembered now (for tests of the bound).</summary>
    public int Count => _passed.Count;

    /// <summary>True when the session of <paramref name="userId"/> with <paramref name="stamp"/> passed the check less than <see cref="Freshness"/> ago.</summary>
    public bool IsKnownValid(string userId, string stamp)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return _passed.TryGetValue(userId, out var passed)
            && passed.Generation == Generation
            && string.Equals(passed.Stamp, stamp, StringComparison.Ordinal)
            && clock.GetElapsedTime(passed.At) < Freshness;
    }

    /// <summary>Keeps a passed check read under <paramref name="generation"/> (not kept when users changed meanwhile).</summary>
    public void RememberValid(string userId, string stamp, long generation)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (generation != Generation)
        {
            return;
        }

        if (_passed.Count >= MaxEntries && !_passed.ContainsKey(userId))
        {
            _passed.Clear();
        }

        _passed[userId] = new Passed(stamp, clock.GetTimestamp(), generation);
    }

    /// <summary>Called by this process after any change of a user: every remembered check is read again.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _passed.Clear();
    }

    private sealed record Passed(string Stamp, long At, long Generation);
}

/// <summary>
/// The app's <see cref="UserManager{TUser}"/>: every change of a user it stores (stamp, password, role, disable,
/// lockout) or a deletion makes <see cref="SessionChecks"/> forget its remembered checks, so that this process
/// refuses a revoked session at its very next request.
/// </summary>
public sealed class BluezoneUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    SessionChecks checks)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <inheritdoc />
    protected override Task<IdentityResult> UpdateUserAsync(AppUser user) => ForgettingChecksAsync(() => base.UpdateUserAsync(user));

    /// <inheritdoc />
    public override Task<IdentityResult> DeleteAsync(AppUser user) => ForgettingChecksAsync(() => base.DeleteAsync(user));

    /// <summary>Forgets the remembered checks before a change of users (no check read meanwhile is kept) and after it.</summary>
    private async Task<IdentityResult> ForgettingChecksAsync(Func<Task<IdentityResult>> change)
    {
        checks.Forget();
        try
        {
            return await change();
        }
        finally
        {
            checks.Forget();
        }
    }
}
