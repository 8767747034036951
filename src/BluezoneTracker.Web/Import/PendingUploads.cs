using Microsoft.Extensions.Caching.Memory;

namespace BluezoneTracker.Web.Import;

/// <summary>
/// Holds an uploaded file between its preview and its confirmation, outside the database (nothing
/// is written before the user confirms). Kept in memory for 30 minutes under an unguessable token;
/// a multi-instance deployment would need sticky sessions or a shared cache (see README).
/// </summary>
public sealed class PendingUploads(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public sealed record Pending(string Date, UploadedFile File);

    public string Keep(string date, UploadedFile file)
    {
        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        cache.Set(Key(token), new Pending(date, file), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime });
        return token;
    }

    public Pending? Find(string? token) =>
        token is { Length: 32 } && cache.TryGetValue(Key(token), out Pending? pending) ? pending : null;

    public void Forget(string token) => cache.Remove(Key(token));

    private static (string, string) Key(string token) => (nameof(PendingUploads), token);
}
