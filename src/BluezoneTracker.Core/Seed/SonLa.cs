using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Snapshots;

namespace BluezoneTracker.Core.Seed;

/// <summary>
/// The demo data: Sơn La province as in the dispatch of 17/8/2020 (populations and counts of its
/// annex, GSO codes), with the 12/8/2020 counts derived as "17/8 minus each change".
/// </summary>
public static class SonLa
{
    public const string ProvinceCode = "14";
    public const string CensusSource = "Tổng điều tra dân số 2019";

    public static readonly DateOnly PreviousDate = new(2020, 8, 12);
    public static readonly DateOnly ReportDate = new(2020, 8, 17);

    // Code, official name, kind, population, registrations on 17/8, change since 12/8 (from the annex).
    private static readonly (string Code, string Name, AreaKind Kind, long Population, long Registrations, long Change)[] Districts =
    [
        ("116", "Thành phố Sơn La", AreaKind.City, 103_392, 21_106, 4_024),
        ("118", "Huyện Quỳnh Nhai", AreaKind.RuralDistrict, 63_447, 3_359, 1_266),
        ("119", "Huyện Thuận Châu", AreaKind.RuralDistrict, 171_680, 6_985, 2_302),
        ("120", "Huyện Mường La", AreaKind.RuralDistrict, 98_760, 6_122, 1_273),
        ("121", "Huyện Bắc Yên", AreaKind.RuralDistrict, 66_248, 2_580, 672),
        ("122", "Huyện Phù Yên", AreaKind.RuralDistrict, 113_779, 6_763, 1_488),
        ("123", "Huyện Mộc Châu", AreaKind.RuralDistrict, 112_402, 11_346, 2_008),
        ("124", "Huyện Yên Châu", AreaKind.RuralDistrict, 78_572, 4_093, 1_094),
        ("125", "Huyện Mai Sơn", AreaKind.RuralDistrict, 162_696, 10_329, 2_468),
        ("126", "Huyện Sông Mã", AreaKind.RuralDistrict, 152_889, 7_083, 2_073),
        ("127", "Huyện Sốp Cộp", AreaKind.RuralDistrict, 49_554, 2_025, 446),
        ("128", "Huyện Vân Hồ", AreaKind.RuralDistrict, 61_435, 2_308, 741),
    ];

    public const long OfficialPopulation = 1_248_415;
    public const long UnassignedOnReportDate = 27;
    public const long UnassignedOnPreviousDate = 15;

    /// <summary>
    /// The province, named with its kind as every other area (and as the national demo names it): "Tỉnh Sơn La".
    /// The annex's own wording takes the name without its kind where a sentence needs it ("toàn tỉnh Sơn La").
    /// </summary>
    public static Area Province { get; } = new(ProvinceCode, "Tỉnh Sơn La", AreaKind.Province)
    {
        Population = new Population(OfficialPopulation, 2019, CensusSource),
    };

    public static IReadOnlyList<Area> DistrictAreas { get; } =
    [
        .. Districts.Select(d => new Area(d.Code, d.Name, d.Kind, ProvinceCode)
        {
            Population = new Population(d.Population, 2019, CensusSource),
        }),
    ];

    public static IReadOnlyList<Area> AllAreas { get; } = [Province, .. DistrictAreas];

    public static Target Target { get; } = new(0.5m, new DateOnly(2020, 8, 20));

    public static SnapshotCounts OnReportDate { get; } = new(
        ReportDate,
        Districts.ToDictionary(d => d.Code, d => d.Registrations, StringComparer.Ordinal),
        UnassignedOnReportDate);

    public static SnapshotCounts OnPreviousDate { get; } = new(
        PreviousDate,
        Districts.ToDictionary(d => d.Code, d => d.Registrations - d.Change, StringComparer.Ordinal),
        UnassignedOnPreviousDate);
}
