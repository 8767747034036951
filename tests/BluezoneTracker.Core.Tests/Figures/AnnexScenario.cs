using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Snapshots;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>
/// Builds a small province with real <see cref="Area"/> and <see cref="SnapshotCounts"/> objects
/// and computes its annex the way the application does: the report date's counts, a comparison
/// date's counts, and every earlier date newest first.
/// </summary>
internal sealed class AnnexScenario
{
    public const string ProvinceCode = "99";

    private readonly List<Area> _districts = [];
    private readonly Dictionary<DateOnly, SnapshotCounts> _snapshots = [];
    private long? _provincePopulation;

    public static DateOnly Day(int day) => new(2020, 8, day);

    public AnnexScenario ProvincePopulation(long population)
    {
        _provincePopulation = population;
        return this;
    }

    /// <param name="population">Null for an area without a population figure.</param>
    public AnnexScenario District(string code, string name, long? population)
    {
        _districts.Add(new Area(code, name, AreaKind.RuralDistrict, ProvinceCode)
        {
            Population = population is { } p ? new Population(p, 2019, "test") : null,
        });
        return this;
    }

    public AnnexScenario Counts(DateOnly date, long unassigned, params (string Code, long Registrations)[] counts)
    {
        _snapshots[date] = new SnapshotCounts(
            date,
            counts.ToDictionary(c => c.Code, c => c.Registrations, StringComparer.Ordinal),
            unassigned);
        return this;
    }

    public AnnexReport Build(DateOnly report, DateOnly? compare)
    {
        var province = new Area(ProvinceCode, "Tỉnh Thử", AreaKind.Province)
        {
            Population = _provincePopulation is { } p ? new Population(p, 2019, "test") : null,
        };
        var earlier = _snapshots.Values.Where(s => s.Date < report).OrderByDescending(s => s.Date).ToList();
        return AnnexCalculator.Build(new AnnexInput(
            province,
            _districts,
            _snapshots[report],
            compare is { } c ? _snapshots[c] : null,
            earlier));
    }
}

internal static class AnnexReportExtensions
{
    public static AnnexRow Row(this AnnexReport report, string code) => report.Rows.Single(r => r.Code == code);

    public static IEnumerable<DataWarning> WarningsOf(this AnnexReport report, DataWarningKind kind) =>
        report.Warnings.Where(w => w.Kind == kind);
}
