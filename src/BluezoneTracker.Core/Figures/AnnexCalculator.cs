using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Snapshots;

namespace BluezoneTracker.Core.Figures;

/// <summary>Everything the annex of one area on one date is computed from.</summary>
/// <param name="Earlier">Current counts of dates before the report date, newest first (a few are enough).</param>
public sealed record AnnexInput(
    Area Area,
    IReadOnlyList<Area> Children,
    SnapshotCounts Report,
    SnapshotCounts? Compare,
    IReadOnlyList<SnapshotCounts> Earlier);

/// <summary>Computes the annex from stored counts: every figure, the ranking and the warnings.</summary>
public static class AnnexCalculator
{
    /// <summary>A count equal across this many snapshots in a row (the report date included) is flagged.</summary>
    public const int UnchangedSnapshotsThreshold = 3;

    public static AnnexReport Build(AnnexInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Compare is { } compareCounts && compareCounts.Date >= input.Report.Date)
        {
            throw new ArgumentException("The comparison date must be before the report date.", nameof(input));
        }

        var children = input.Children;

        // Only areas with a count on the report date are ranked, on both dates: an area without one is
        // listed after them without a rank, and no other area's rank or rank change counts it.
        var ranked = children.Where(c => input.Report.For(c.Code) is not null).ToList();
        var nowRanks = Ranking.Rank(ranked, input.Report);
        var thenRanks = input.Compare is null ? null : Ranking.Rank(ranked, input.Compare);

        var rows = new List<AnnexRow>(children.Count);
        foreach (var (child, rank) in nowRanks.OrderBy(p => p.Value).Select(p => (p.Key, p.Value)))
        {
            var population = child.Population?.Count;
            var registrations = input.Report.For(child.Code);
            var then = input.Compare?.For(child.Code);
            var rate = Rates.Of(registrations, population);
            var thenRate = Rates.Of(then, population);
            int? previousRank = then is null || thenRanks is null ? null : thenRanks[child];

            // Only a rank by rate on both dates can move: a row without a rate is placed last,
            // and an arrow for it would say it fell behind when its count or population is missing.
            int? rankChange = rate is null || thenRate is null ? null : previousRank - rank;
            rows.Add(new AnnexRow(
                rank,
                child.Code,
                child.Name,
                population,
                registrations,
                registrations - then,
                rate,
                rate - thenRate,
                previousRank,
                rankChange));
        }

        foreach (var child in children.Except(ranked).Order(Comparer<Area>.Create(AreaOrder.ByName)))
        {
            rows.Add(new AnnexRow(null, child.Code, child.Name, child.Population?.Count, null, null, null, null, null, null));
        }

        var unassigned = new UnassignedRow(
            input.Report.Unassigned,
            input.Compare is null ? null : input.Report.Unassigned - input.Compare.Unassigned);

        var completeness = CompletenessOf(input, rows);
        var total = Total(input, rows, unassigned, completeness);
        var warnings = Warnings.Find(input, rows, total);
        var childLevel = AreaWording.ChildLevelOf(children);
        return new AnnexReport(input.Area, input.Report.Date, input.Compare?.Date, rows, unassigned, total, warnings)
        {
            ChildLevel = childLevel == AreaWording.DefaultChildLevel(input.Area.Kind) ? null : childLevel,
            Completeness = completeness,
        };
    }

    /// <summary>Null when every child has a count on the report date and on the comparison date (if any).</summary>
    private static AnnexCompleteness? CompletenessOf(AnnexInput input, List<AnnexRow> rows)
    {
        var missing = rows.Where(r => !r.IsRanked).Select(r => r.Name).ToList();
        var byName = Comparer<Area>.Create(AreaOrder.ByName);
        var missingOnCompare = input.Compare is { } compare
            ? input.Children.Where(c => compare.For(c.Code) is null).Order(byName).Select(c => c.Name).ToList()
            : [];
        if (missing.Count == 0 && missingOnCompare.Count == 0)
        {
            return null;
        }

        var children = input.Children.Count;
        return new AnnexCompleteness(
            children,
            children - missing.Count,
            input.Compare is null ? null : children - missingOnCompare.Count,
            missing,
            missingOnCompare);
    }

    private static TotalRow Total(AnnexInput input, List<AnnexRow> rows, UnassignedRow unassigned, AnnexCompleteness? completeness)
    {
        var rowsPopulation = rows.Sum(r => r.Population ?? 0);
        long? population = input.Area.Population?.Count ?? (rows.Count > 0 && rows.All(r => r.Population is not null) ? rowsPopulation : null);
        var registrations = rows.Sum(r => r.Registrations ?? 0) + unassigned.Registrations;
        long? change = input.Compare is null ? null : rows.Sum(r => r.Change ?? 0) + (unassigned.Change ?? 0);
        // A figure of the parent that needs every child is withheld when one is missing on a date it depends on: the
        // rate of a partial sum over the whole population, or a change between two partial sums, is not the parent's.
        if (completeness is { IsComplete: false })
        {
            return new TotalRow(population, rowsPopulation, registrations, null, null, null);
        }

        var rate = Rates.Of(registrations, population);
        if (completeness is { ChangeIsComplete: false })
        {
            return new TotalRow(population, rowsPopulation, registrations, null, rate, null);
        }

        var thenRate = Rates.Of(registrations - change, population);
        return new TotalRow(population, rowsPopulation, registrations, change, rate, rate - thenRate);
    }
}

/// <summary>Adoption rate: registrations / population as an exact fraction.</summary>
public static class Rates
{
    public static decimal? Of(long? registrations, long? population) =>
        registrations is { } r && population is > 0 ? (decimal)r / population.Value : null;
}

/// <summary>Ranking by exact adoption rate, highest first; ties in Vietnamese name order.</summary>
public static class Ranking
{
    /// <summary>
    /// Ranks <paramref name="children"/> by their rate in <paramref name="counts"/> (1 = highest). The
    /// annex passes only the areas with a count on the report date; an area missing from
    /// <paramref name="counts"/> (e.g. on the comparison date) is placed after those with a count.
    /// </summary>
    public static Dictionary<Area, int> Rank(IReadOnlyList<Area> children, SnapshotCounts counts)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(counts);
        var ordered = children
            .Select(c => (Area: c, Registrations: counts.For(c.Code), Rate: Rates.Of(counts.For(c.Code), c.Population?.Count)))
            .ToList();
        ordered.Sort((a, b) =>
        {
            // Areas with a count come first, then those with a rate, then by rate descending.
            var byPresence = (b.Registrations is not null).CompareTo(a.Registrations is not null);
            if (byPresence != 0)
            {
                return byPresence;
            }

            var byHasRate = (b.Rate is not null).CompareTo(a.Rate is not null);
            if (byHasRate != 0)
            {
                return byHasRate;
            }

            var byRate = Nullable.Compare(b.Rate, a.Rate);
            return byRate != 0 ? byRate : AreaOrder.ByName(a.Area, b.Area);
        });

        var ranks = new Dictionary<Area, int>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            ranks[ordered[i].Area] = i + 1;
        }

        return ranks;
    }
}
