using BluezoneTracker.Core.Areas;

namespace BluezoneTracker.Core.Figures;

/// <summary>The dashboard's figures: the annex plus target pacing for the area and each child.</summary>
public sealed record AreaFigures(
    AnnexReport Annex,
    Target? Target,
    TargetProgress? Progress,
    IReadOnlyDictionary<string, TargetProgress> ChildProgress)
{
    /// <summary>Days between the comparison date and the report date, or null without a comparison.</summary>
    public int? DaysCompared => Annex.CompareDate is { } c ? Annex.Date.DayNumber - c.DayNumber : null;

    public static AreaFigures Build(AnnexReport annex, IReadOnlyList<Area> children, Target? target)
    {
        ArgumentNullException.ThrowIfNull(annex);
        ArgumentNullException.ThrowIfNull(children);
        if (target is null)
        {
            return new AreaFigures(annex, null, null, new Dictionary<string, TargetProgress>());
        }

        var days = annex.CompareDate is { } compare ? annex.Date.DayNumber - compare.DayNumber : 0;
        var areaBasis = target.BasisFor(annex.Area);
        if (areaBasis.Kind == TargetBasisKind.None && annex.Total.Population is { } totalPopulation)
        {
            // No official figure for the parent (BasisFor found none): the target is on the sum of its children, the
            // population its total row's rate uses. Before, this tested for a Population basis and never applied, so a
            // country without its own figure showed "Còn thiếu 0" against no target.
            areaBasis = new TargetBasis(TargetBasisKind.Population, new Population(totalPopulation, 0, string.Empty));
        }

        var progress = annex.TotalIsWithheld
            ? TargetProgress.Withheld(target, areaBasis, annex.Date)
            : TargetProgress.Compute(target, areaBasis, annex.Total.Registrations, annex.Date, Pace.PerDay(annex.Total.Change, days));
        if (annex.ChangeIsWithheld && !annex.TotalIsWithheld)
        {
            progress = progress.WithoutPace();
        }

        var byCode = children.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var childProgress = new Dictionary<string, TargetProgress>(StringComparer.Ordinal);
        foreach (var row in annex.Rows)
        {
            if (row.Registrations is { } registrations && byCode.TryGetValue(row.Code, out var child))
            {
                childProgress[row.Code] = TargetProgress.Compute(
                    target, target.BasisFor(child), registrations, annex.Date, Pace.PerDay(row.Change, days));
            }
        }

        return new AreaFigures(annex, target, progress, childProgress);
    }
}

/// <summary>Daily pace: a change divided by the days it took, so a three-day gap is not a spike.</summary>
public static class Pace
{
    public static decimal? PerDay(long? change, int days) =>
        change is { } c && days > 0 ? (decimal)c / days : null;
}
