using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace BluezoneTracker.Web.Accounts;

/// <summary>
/// The sign-in cookie's ticket format with the tickets it opened kept a short while (docs/decisions/103): a
/// request carrying a cookie value this process has already decrypted and verified gets a copy of that ticket
/// instead of running Data Protection (AES + HMAC + deserialisation) again.
/// </summary>
/// <remarks>
/// Only what the inner format accepted is kept, keyed by the <em>whole</em> cookie value and purpose, so a
/// tampered or foreign value never matches and is opened (and refused) by the inner format. Every hit hands out a
/// deep copy (<see cref="AuthenticationTicket.Clone"/>), so nothing a request does to its principal or
/// properties reaches another request. The cookie handler still checks the ticket's expiry and runs the session
/// check (<see cref="SessionCheck"/>) on every request, so sign-out, disable, role and password changes end a
/// session exactly as before. An entry is kept at most <see cref="MaxAge"/> (so a revoked Data Protection key stops
/// opening cookies within that time) and never past the ticket's own expiry; at most <see cref="MaxEntries"/>
/// values are kept (beyond that all are dropped and opened again).
/// </remarks>
public sealed class KeptTickets(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock)
    : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>The longest an opened ticket is reused: 5 minutes.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>The most cookie values kept (about 1–2 KB each).</summary>
    public const int MaxEntries = 2_000;

    private readonly ConcurrentDictionary<(string Value, string? Purpose), Kept> _kept = new();

    /// <summary>The number of cookie values currently kept (for tests).</summary>
    public int Count => _kept.Count;

    /// <inheritdoc />
    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    /// <inheritdoc />
    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    /// <inheritdoc />
    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    /// <inheritdoc />
    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var now = clock.GetUtcNow();
        var key = (protectedText, purpose);
        if (_kept.TryGetValue(key, out var kept))
        {
            if (now < kept.Until)
            {
                return kept.Ticket.Clone();
            }

            _kept.TryRemove(KeyValuePair.Create(key, kept));
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is null)
        {
            return null;
        }

        var until = now + MaxAge;
        if (ticket.Properties.ExpiresUtc is { } expires && expires < until)
        {
            until = expires;
        }

        if (until > now)
        {
            if (_kept.Count >= MaxEntries)
            {
                _kept.Clear();
            }

            // The kept copy is never handed out itself: the caller may change the one it gets.
            _kept[key] = new Kept(ticket.Clone(), until);
        }

        return ticket;
    }

    private sealed record Kept(AuthenticationTicket Ticket, DateTimeOffset Until);
}
