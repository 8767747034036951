using System.Security.Cryptography;
using System.Text;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Accounts;

/// <summary>Personal API tokens: created shown-once, stored as a SHA-256 hash, revocable, expiring.</summary>
public sealed class ApiTokens(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string Prefix = "bzt_";
    public const int MaxDays = 366;

    /// <summary>Creates a token and returns its clear text, which is never stored nor shown again.</summary>
    public async Task<string> CreateAsync(AppUser user, string name, int days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = clock.GetUtcNow();
        var entity = new ApiTokenEntity
        {
            UserId = user.Id,
            Name = name.Trim(),
            Hash = Hash(token),
            Prefix = token[..10],
            CreatedAt = now,
            ExpiresAt = now.AddDays(Math.Clamp(days, 1, MaxDays)),
        };
        db.ApiTokens.Add(entity);
        audit.Add(AuditKinds.TokenCreated, user.UserName ?? user.Id, after: new { entity.Name, entity.Prefix, entity.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// Whether the user has a token still in force (not revoked, not expired): an account that may no longer create
    /// tokens is still shown the way to the ones it made, to revoke them (round 9's trial).
    /// </summary>
    public async Task<bool> HasActiveAsync(string userId, CancellationToken cancellationToken = default)
    {
        // Expiry compared here: SQLite stores DateTimeOffset as text and cannot compare it in a query.
        var now = clock.GetUtcNow();
        var expiries = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId && t.RevokedAt == null).Select(t => t.ExpiresAt).ToListAsync(cancellationToken);
        return expiries.Any(e => e > now);
    }

    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.Include(t => t.User)
            .FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt = clock.GetUtcNow();
        audit.Add(AuditKinds.TokenRevoked, token.User?.UserName ?? userId, before: new { token.Name, token.Prefix }, after: new { token.RevokedAt });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The user a valid token belongs to, or null when it is unknown, revoked, expired or the user is disabled.</summary>
    public async Task<AppUser?> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var entity = await db.ApiTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        if (entity?.User is not { IsDisabled: false } user || entity.RevokedAt is not null || entity.ExpiresAt <= now)
        {
            return null;
        }

        entity.LastUsedAt = now;
        audit.Add(AuditKinds.TokenUsed, user.UserName ?? user.Id, after: new { entity.Name, entity.Prefix }, userName: user.UserName);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
