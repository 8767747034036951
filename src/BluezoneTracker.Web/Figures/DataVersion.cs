using BluezoneTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Figures;

/// <summary>
/// The version of the data reports are computed from, for keying cached figures and pages. It is the
/// store's version row (raised inside every write transaction that changes report data, by this
/// process, the <c>import</c> verb or another server) plus this process's own <see cref="Bump"/>s. The
/// row is read again when it is older than <see cref="Freshness"/>, so a write by another process is
/// seen within that time; a write by this process is seen at once (docs/decisions/015).
/// </summary>
public sealed class DataVersion
{
    /// <summary>How long a read of the store's version is trusted: a quarter of the one second promised.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMilliseconds(250);

    private readonly IServiceScopeFactory? _scopes;
    private readonly TimeProvider _clock;
    private readonly Lock _reading = new();
    private long _local = 1;
    private long _stored;
    private long _readAt = long.MinValue;

    /// <summary>A version of this process only (benchmarks and tests of the caches without a store).</summary>
    public DataVersion()
        : this(null, TimeProvider.System)
    {
    }

    /// <summary>A version that follows the store's version row, read through a scope's <see cref="AppDbContext"/>.</summary>
    public DataVersion(IServiceScopeFactory? scopes, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _scopes = scopes;
        _clock = clock;
    }

    /// <summary>The current version: it changes whenever report data changed, and never goes back.</summary>
    public long Current
    {
        get
        {
            RefreshIfOld();
            return Interlocked.Read(ref _stored) + Interlocked.Read(ref _local);
        }
    }

    /// <summary>Says that this process has just written: the next <see cref="Current"/> differs and reads the store again.</summary>
    public void Bump()
    {
        Interlocked.Increment(ref _local);
        Interlocked.Exchange(ref _readAt, long.MinValue);
    }

    private void RefreshIfOld()
    {
        if (_scopes is null)
        {
            return;
        }

        var now = _clock.GetTimestamp();
        var readAt = Interlocked.Read(ref _readAt);
        if (readAt != long.MinValue && _clock.GetElapsedTime(readAt, now) < Freshness)
        {
            return;
        }

        // One reader refreshes; the others keep the value just read (at most one Freshness old).
        if (!_reading.TryEnter())
        {
            if (readAt != long.MinValue)
            {
                return;
            }

            _reading.Enter();
        }

        try
        {
            if (Interlocked.Read(ref _readAt) is var again && again != long.MinValue && _clock.GetElapsedTime(again, _clock.GetTimestamp()) < Freshness)
            {
                return;
            }

            var stamp = _clock.GetTimestamp();
            using var scope = _scopes.CreateScope();
            var stored = ReadStored(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            Interlocked.Exchange(ref _stored, stored);
            Interlocked.Exchange(ref _readAt, stamp);
        }
        finally
        {
            _reading.Exit();
        }
    }

    /// <summary>The version row, read as the cache's own bookkeeping (<see cref="StoreScalar"/>).</summary>
    private static long ReadStored(AppDbContext db) =>
        StoreScalar.Read(db, "SELECT \"Value\" FROM \"DataVersion\" WHERE \"Id\" = 1");
}
