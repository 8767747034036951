namespace BluezoneTracker.Web.Figures;

/// <summary>
/// Bumped whenever counts, populations, targets or settings change, so that cached figures and
/// pages keyed by it are never stale. One instance per process: a multi-instance deployment
/// needs a shared version (see README).
/// </summary>
public sealed class DataVersion
{
    private long _value = 1;

    public long Current => Interlocked.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);
}
