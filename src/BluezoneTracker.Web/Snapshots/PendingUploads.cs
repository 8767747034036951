using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>
/// Holds an uploaded file between its preview and its confirmation, in the store's PendingUploads table
/// (never with the counts: nothing a report reads is written before the user confirms), so that the
/// instance that confirms need not be the one that previewed (docs/decisions/070). A file is kept for
/// 30 minutes under an unguessable token, and all files waiting together stay within
/// <see cref="ImportOptions.MaxPendingBytes"/>, so that many uploads left unconfirmed cannot fill the store.
/// </summary>
public sealed class PendingUploads(IServiceScopeFactory scopes, IOptions<ImportOptions> options, TimeProvider clock)
{
    /// <summary>How long a previewed file may be confirmed.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>A file waiting for confirmation, for <see cref="Owner"/> only (the user who previewed it).</summary>
    public sealed record Pending(string Date, UploadedFile File, string Owner);

    /// <summary>The token to confirm the file with, or null when the files waiting already fill the room allowed.</summary>
    public async Task<string?> KeepAsync(string date, UploadedFile file, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.PendingUploads.Where(p => p.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);

        var waiting = await db.PendingUploads.SumAsync(p => p.Length, cancellationToken);
        if (waiting + file.Content.LongLength > options.Value.MaxPendingBytes)
        {
            return null;
        }

        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        db.PendingUploads.Add(new PendingUploadEntity
        {
            Token = token,
            Owner = owner,
            Date = date,
            FileName = file.FileName,
            Content = file.Content,
            Length = file.Content.LongLength,
            ExpiresAt = now + Lifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// The file kept under <paramref name="token"/> for <paramref name="owner"/>; null for anyone else, or
    /// once expired, so that a token seen over a shoulder or in a log cannot confirm another user's upload.
    /// </summary>
    public async Task<Pending?> FindAsync(string? token, string owner, CancellationToken cancellationToken = default)
    {
        if (token is not { Length: 32 })
        {
            return null;
        }

        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.PendingUploads.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Token == token && p.Owner == owner && p.ExpiresAt > now, cancellationToken);
        return row is null ? null : new Pending(row.Date, new UploadedFile(row.FileName, row.Content), row.Owner);
    }

    /// <summary>Removes a confirmed file.</summary>
    public async Task ForgetAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.PendingUploads.Where(p => p.Token == token).ExecuteDeleteAsync(cancellationToken);
    }
}
