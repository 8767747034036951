namespace BluezoneTracker.Web.Data;

/// <summary>
/// Whether the store holds made-up figures (the national demo's provinces, whose population source is
/// <see cref="Core.Seed.NationalSample.SyntheticSource"/>): every page then says so. Set once at start-up.
/// </summary>
public sealed class SyntheticFigures
{
    public bool Present { get; set; }
}
