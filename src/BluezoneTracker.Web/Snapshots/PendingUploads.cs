using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>
/// Holds an uploaded file between its preview and its confirmation, outside the database (nothing
/// is written before the user confirms). Kept in memory for 30 minutes under an unguessable token,
/// in a cache of its own bounded by <see cref="ImportOptions.MaxPendingBytes"/>, so that many
/// uploads left unconfirmed cannot exhaust the server's memory. A multi-instance deployment would
/// need sticky sessions or a shared cache (see README).
/// </summary>
public sealed class PendingUploads(IOptions<ImportOptions> options) : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.MaxPendingBytes });

    /// <summary>A file waiting for confirmation, for <see cref="Owner"/> only (the user who previewed it).</summary>
    public sealed record Pending(string Date, UploadedFile File, string Owner);

    /// <summary>The token to confirm the file with, or null when the server holds too many files already.</summary>
    public string? Keep(string date, UploadedFile file, string owner)
    {
        ArgumentNullException.ThrowIfNull(file);
        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        _cache.Set(token, new Pending(date, file, owner), new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = Lifetime,
            Size = Math.Max(1, file.Content.LongLength),
        });
        return _cache.TryGetValue(token, out _) ? token : null;
    }

    /// <summary>
    /// The file kept under <paramref name="token"/> for <paramref name="owner"/>; null for anyone else,
    /// so that a token seen over a shoulder or in a log cannot confirm another user's upload.
    /// </summary>
    public Pending? Find(string? token, string owner) =>
        token is { Length: 32 } && _cache.TryGetValue(token, out Pending? pending) && string.Equals(pending!.Owner, owner, StringComparison.Ordinal)
            ? pending
            : null;

    public void Forget(string token) => _cache.Remove(token);

    public void Dispose() => _cache.Dispose();
}
