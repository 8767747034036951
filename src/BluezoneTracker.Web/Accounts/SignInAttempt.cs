using BluezoneTracker.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace BluezoneTracker.Web.Accounts;

/// <summary>How a sign-in attempt ended; the audit log records it, the page shows one message for all but the first three.</summary>
public enum SignInOutcome
{
    SignedIn,
    DisabledRightPassword,
    LockedOutRightPassword,
    UnknownUser,
    Disabled,
    LockedOut,
    WrongPassword,
}

/// <summary>
/// A password sign-in that does the same work whatever the user name: exactly one password hash is
/// verified for an unknown, disabled, locked or existing user, so neither the message nor the time
/// tells an attacker which names exist (issue #15, point 5; docs/decisions/021).
/// </summary>
public static class SignInAttempt
{
    // A hash of a random password in Identity's current format (PBKDF2, the same iteration count as
    // real hashes), made once: verifying against it costs what verifying a real password costs.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<AppUser>().HashPassword(new AppUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    /// <summary>Tries <paramref name="password"/> for <paramref name="userName"/>; counts a wrong password towards the lockout (5 → 15 minutes).</summary>
    public static async Task<(SignInOutcome Outcome, AppUser? User)> TryAsync(SignInManager<AppUser> signIn, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password);
            return (SignInOutcome.UnknownUser, null);
        }

        if (user.IsDisabled)
        {
            return (await users.CheckPasswordAsync(user, password) ? SignInOutcome.DisabledRightPassword : SignInOutcome.Disabled, user);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return (await users.CheckPasswordAsync(user, password) ? SignInOutcome.LockedOutRightPassword : SignInOutcome.LockedOut, user);
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        return (result.Succeeded ? SignInOutcome.SignedIn : SignInOutcome.WrongPassword, user);
    }
}
