using BluezoneTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Figures;

/// <summary>
/// The version of the data reports are computed from, for keying cached figures and pages. It is the
/// store's version row (raised inside every write transaction that changes report data, by this
/// process, the <c>import</c> verb or another server) plus this process's own <see cref="Bump"/>s. The
/// row is read again when it is older than <see cref="Freshness"/>, so a write by another process is
/// seen within that time; a write by this process is seen at once (docs/decisions/015).
/// <see cref="Catalog"/> is the part of it that changes only with areas, populations and targets, for what
/// depends on nothing else and so survives a counts write (docs/decisions/105).
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
    private long _localCatalog = 1;
    private long _storedCatalog;
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

    /// <summary>
    /// <see cref="Current"/> as this process last knew it — last read from the store, plus its own bumps — without
    /// reading the store: for work on a background thread that must not wait for I/O (the response cache's
    /// recompression asks whether a body is still of the newest version, docs/decisions/146). Never older than any
    /// <see cref="Current"/> returned before, and a write by this process shows here at once; a write by another
    /// process shows once a <see cref="Current"/> has read it.
    /// </summary>
    public long LastKnown => Interlocked.Read(ref _stored) + Interlocked.Read(ref _local);

    /// <summary>
    /// The version of the area catalog (areas, their parents, names and kinds, populations, targets): it changes
    /// whenever one of those changed (and then <see cref="Current"/> changes too), never with counts, settings or
    /// sign-offs alone, and never goes back.
    /// </summary>
    public long Catalog
    {
        get
        {
            RefreshIfOld();
            return Interlocked.Read(ref _storedCatalog) + Interlocked.Read(ref _localCatalog);
        }
    }

    /// <summary>
    /// Says that this process has just written anything (the area catalog included): the next <see cref="Current"/>
    /// and <see cref="Catalog"/> differ and the store is read again.
    /// </summary>
    public void Bump()
    {
        Interlocked.Increment(ref _localCatalog);
        BumpFigures();
    }

    /// <summary>
    /// Says that this process has just written counts, settings or a sign-off — not areas, populations or targets:
    /// the next <see cref="Current"/> differs, <see cref="Catalog"/> keeps what the store says.
    /// </summary>
    public void BumpFigures()
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
            var (stored, catalog) = ReadStored(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            Interlocked.Exchange(ref _storedCatalog, catalog);
            Interlocked.Exchange(ref _stored, stored);
            Interlocked.Exchange(ref _readAt, stamp);
        }
        finally
        {
            _reading.Exit();
        }
    }

    /// <summary>The version row (data and catalog versions), read as the cache's own bookkeeping (<see cref="StoreScalar"/>).</summary>
    private static (long Value, long Catalog) ReadStored(AppDbContext db) =>
        StoreScalar.ReadPair(db, "SELECT \"Value\", \"Catalog\" FROM \"DataVersion\" WHERE \"Id\" = 1");
}
