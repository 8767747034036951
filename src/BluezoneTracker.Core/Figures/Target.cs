using BluezoneTracker.Core.Areas;

namespace BluezoneTracker.Core.Figures;

/// <summary>A share of a basis to reach by a deadline ("50 % by 20/8/2020").</summary>
public sealed record Target
{
    public Target(decimal share, DateOnly deadline, TargetBasisPreference basis = TargetBasisPreference.SmartphoneOwnersWhereKnown)
    {
        if (share is <= 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "A target share is a fraction in (0, 1].");
        }

        Share = share;
        Deadline = deadline;
        Basis = basis;
    }

    /// <summary>The share as a fraction: 0.5 for 50 %.</summary>
    public decimal Share { get; }

    public DateOnly Deadline { get; }

    public TargetBasisPreference Basis { get; }

    /// <summary>The figure a target count is computed on, for one area, with which one it is.</summary>
    public TargetBasis BasisFor(Area area)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (Basis == TargetBasisPreference.SmartphoneOwnersWhereKnown && area.SmartphoneOwners is { Count: > 0 } owners)
        {
            return new TargetBasis(TargetBasisKind.SmartphoneOwners, owners);
        }

        return area.Population is { } population
            ? new TargetBasis(TargetBasisKind.Population, population)
            : new TargetBasis(TargetBasisKind.None, null);
    }
}

public enum TargetBasisPreference
{
    SmartphoneOwnersWhereKnown,
    Population,
}

public enum TargetBasisKind
{
    None,
    Population,
    SmartphoneOwners,
}

public sealed record TargetBasis(TargetBasisKind Kind, Population? Figure);
