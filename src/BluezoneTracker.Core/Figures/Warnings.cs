using BluezoneTracker.Core.Snapshots;

namespace BluezoneTracker.Core.Figures;

/// <summary>The data-quality checks of an annex: inconsistencies are reported, never corrected.</summary>
internal static class Warnings
{
    public static List<DataWarning> Find(AnnexInput input, IReadOnlyList<AnnexRow> rows, TotalRow total)
    {
        var warnings = new List<DataWarning>();
        var area = input.Area;
        if (area.Population is { } official && rows.Count > 0 && rows.All(r => r.Population is not null)
            && official.Count != total.RowsPopulation)
        {
            // The sentence names the area after "dân số chính thức của": without its kind ("Sơn La"), as the dispatch writes it.
            warnings.Add(new DataWarning(DataWarningKind.PopulationMismatch, area.Code, area.ShortName, official.Count, total.RowsPopulation));
        }

        var previous = input.Earlier.FirstOrDefault(s => s.Date < input.Report.Date);
        foreach (var child in input.Children)
        {
            var now = input.Report.For(child.Code);
            var population = child.Population?.Count;
            if (population is null or 0)
            {
                warnings.Add(new DataWarning(DataWarningKind.PopulationUnknown, child.Code, child.Name));
            }

            if (now is null)
            {
                warnings.Add(new DataWarning(DataWarningKind.MissingFromSnapshot, child.Code, child.Name, OtherDate: input.Report.Date));
                continue;
            }

            if (population is > 0 && now > population)
            {
                warnings.Add(new DataWarning(DataWarningKind.RegistrationsAbovePopulation, child.Code, child.Name, now, population));
            }

            if (input.Compare is { } compare && compare.For(child.Code) is null)
            {
                warnings.Add(new DataWarning(DataWarningKind.MissingOnComparisonDate, child.Code, child.Name, OtherDate: compare.Date));
            }

            var decreasedFrom = Decrease(now.Value, child.Code, previous, input.Compare);
            if (decreasedFrom is { } d)
            {
                warnings.Add(new DataWarning(DataWarningKind.CountDecreased, child.Code, child.Name, now, d.Count, d.Date));
            }

            var streak = UnchangedStreak(now.Value, child.Code, input.Earlier);
            if (streak >= AnnexCalculator.UnchangedSnapshotsThreshold)
            {
                warnings.Add(new DataWarning(DataWarningKind.Unchanged, child.Code, child.Name, now, Count: streak));
            }
        }

        var before = previous ?? input.Compare;
        if (before is not null && input.Report.Unassigned < before.Unassigned)
        {
            warnings.Add(new DataWarning(DataWarningKind.UnassignedDecreased, area.Code, area.Name, input.Report.Unassigned, before.Unassigned, before.Date));
        }

        return warnings;
    }

    private static (long Count, DateOnly Date)? Decrease(long now, string code, SnapshotCounts? previous, SnapshotCounts? compare)
    {
        foreach (var earlier in new[] { previous, compare })
        {
            if (earlier?.For(code) is { } then && now < then)
            {
                return (then, earlier.Date);
            }
        }

        return null;
    }

    private static int UnchangedStreak(long now, string code, IReadOnlyList<SnapshotCounts> earlierNewestFirst)
    {
        var streak = 1;
        foreach (var snapshot in earlierNewestFirst)
        {
            if (snapshot.For(code) != now)
            {
                break;
            }

            streak++;
        }

        return streak;
    }
}
