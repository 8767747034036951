using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Figures;

/// <summary>
/// Where computed figures and series are kept. Bounded: an entry's size is its number of rows or
/// points, so that a reader asking for many date, comparison and district combinations evicts old
/// entries instead of growing the process without limit.
/// </summary>
public sealed class FiguresCache(IOptions<FiguresCacheOptions> options) : IDisposable
{
    public IMemoryCache Memory { get; } = new MemoryCache(new MemoryCacheOptions
    {
        SizeLimit = options.Value.SizeLimit,
        CompactionPercentage = 0.25,
        // So that the size kept can be read (GetCurrentStatistics: rows and points now held).
        TrackStatistics = true,
    });

    public void Dispose() => Memory.Dispose();
}

public sealed class FiguresCacheOptions
{
    /// <summary>Rows and points kept at most (about 100 MB at the default).</summary>
    public long SizeLimit { get; set; } = 500_000;
}
