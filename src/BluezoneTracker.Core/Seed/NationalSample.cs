using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Snapshots;

namespace BluezoneTracker.Core.Seed;

/// <summary>
/// A national table of the 63 provinces (GSO codes and official names) with made-up but plausible
/// populations and counts: the size a ministry's annex has, for renderer tests and benchmarks.
/// The figures are synthetic and deterministic; only the names and codes are real.
/// </summary>
public static class NationalSample
{
    public const string CountryCode = "VN";
    public static readonly DateOnly PreviousDate = new(2020, 8, 12);
    public static readonly DateOnly ReportDate = new(2020, 8, 17);

    /// <summary>
    /// The population source of every made-up figure: pages show "Số liệu minh họa (không phải số liệu thật)"
    /// wherever such an area's figures are in use, so nobody takes them for real ones.
    /// </summary>
    public const string SyntheticSource = "Số liệu minh họa (không phải số liệu thật)";

    private static readonly (string Code, string Name)[] ProvinceNames =
    [
        ("01", "Thành phố Hà Nội"), ("02", "Tỉnh Hà Giang"), ("04", "Tỉnh Cao Bằng"), ("06", "Tỉnh Bắc Kạn"),
        ("08", "Tỉnh Tuyên Quang"), ("10", "Tỉnh Lào Cai"), ("11", "Tỉnh Điện Biên"), ("12", "Tỉnh Lai Châu"),
        ("14", "Tỉnh Sơn La"), ("15", "Tỉnh Yên Bái"), ("17", "Tỉnh Hòa Bình"), ("19", "Tỉnh Thái Nguyên"),
        ("20", "Tỉnh Lạng Sơn"), ("22", "Tỉnh Quảng Ninh"), ("24", "Tỉnh Bắc Giang"), ("25", "Tỉnh Phú Thọ"),
        ("26", "Tỉnh Vĩnh Phúc"), ("27", "Tỉnh Bắc Ninh"), ("30", "Tỉnh Hải Dương"), ("31", "Thành phố Hải Phòng"),
        ("33", "Tỉnh Hưng Yên"), ("34", "Tỉnh Thái Bình"), ("35", "Tỉnh Hà Nam"), ("36", "Tỉnh Nam Định"),
        ("37", "Tỉnh Ninh Bình"), ("38", "Tỉnh Thanh Hóa"), ("40", "Tỉnh Nghệ An"), ("42", "Tỉnh Hà Tĩnh"),
        ("44", "Tỉnh Quảng Bình"), ("45", "Tỉnh Quảng Trị"), ("46", "Tỉnh Thừa Thiên Huế"), ("48", "Thành phố Đà Nẵng"),
        ("49", "Tỉnh Quảng Nam"), ("51", "Tỉnh Quảng Ngãi"), ("52", "Tỉnh Bình Định"), ("54", "Tỉnh Phú Yên"),
        ("56", "Tỉnh Khánh Hòa"), ("58", "Tỉnh Ninh Thuận"), ("60", "Tỉnh Bình Thuận"), ("62", "Tỉnh Kon Tum"),
        ("64", "Tỉnh Gia Lai"), ("66", "Tỉnh Đắk Lắk"), ("67", "Tỉnh Đắk Nông"), ("68", "Tỉnh Lâm Đồng"),
        ("70", "Tỉnh Bình Phước"), ("72", "Tỉnh Tây Ninh"), ("74", "Tỉnh Bình Dương"), ("75", "Tỉnh Đồng Nai"),
        ("77", "Tỉnh Bà Rịa - Vũng Tàu"), ("79", "Thành phố Hồ Chí Minh"), ("80", "Tỉnh Long An"), ("82", "Tỉnh Tiền Giang"),
        ("83", "Tỉnh Bến Tre"), ("84", "Tỉnh Trà Vinh"), ("86", "Tỉnh Vĩnh Long"), ("87", "Tỉnh Đồng Tháp"),
        ("89", "Tỉnh An Giang"), ("91", "Tỉnh Kiên Giang"), ("92", "Thành phố Cần Thơ"), ("93", "Tỉnh Hậu Giang"),
        ("94", "Tỉnh Sóc Trăng"), ("95", "Tỉnh Bạc Liêu"), ("96", "Tỉnh Cà Mau"),
    ];

    public static Area Country { get; } = new(CountryCode, "Việt Nam", AreaKind.Country);

    public static IReadOnlyList<Area> Provinces { get; } =
    [
        .. ProvinceNames.Select((p, i) => new Area(p.Code, p.Name, AreaKind.Province, CountryCode)
        {
            Population = new Population(Population(i), 2019, SyntheticSource),
        }),
    ];

    /// <summary>
    /// The national demo's provinces: the 63 of 2020 with synthetic figures, but Sơn La (14) with its official
    /// population of the dispatch, under the country.
    /// </summary>
    public static IReadOnlyList<Area> DemoProvinces { get; } =
    [
        .. Provinces.Select(p => p.Code == SonLa.ProvinceCode
            ? new Area(p.Code, SonLa.Province.Name, AreaKind.Province, CountryCode) { Population = SonLa.Province.Population }
            : p),
    ];

    /// <summary>
    /// The national demo's counts per province on 12/8 and 17/8/2020: synthetic, but Sơn La's row is the
    /// dispatch's own total (84.126 on 17/8, 84.126 − 19.867 on 12/8), so it agrees with Sơn La's own snapshot.
    /// </summary>
    public static IReadOnlyList<SnapshotCounts> DemoCounts =>
    [
        .. new[] { Input.Compare!, Input.Report }.Select(c => new SnapshotCounts(
            c.Date,
            c.Registrations.ToDictionary(
                kv => kv.Key,
                kv => kv.Key == SonLa.ProvinceCode ? SonLaTotal(c.Date) : kv.Value,
                StringComparer.Ordinal),
            c.Unassigned)),
    ];

    private static long SonLaTotal(DateOnly date)
    {
        var counts = date == SonLa.ReportDate ? SonLa.OnReportDate : SonLa.OnPreviousDate;
        return counts.Registrations.Values.Sum() + counts.Unassigned;
    }

    /// <summary>The annex input: counts on 17/8/2020 compared with 12/8/2020.</summary>
    public static AnnexInput Input { get; } = BuildInput();

    public static AnnexReport Annex { get; } = AnnexCalculator.Build(Input);

    // Deterministic spread: populations from about 300 thousand to 3 million, rates from about 2 % to 30 %.
    private static long Population(int i) => 300_000 + (i * 7_919L % 63 * 45_000L) + (i * 1_009L);

    private static long Registrations(int i) => Population(i) * (20 + (i * 37 % 280)) / 1_000;

    private static AnnexInput BuildInput()
    {
        var now = new SnapshotCounts(
            ReportDate,
            ProvinceNames.Select((p, i) => (p.Code, Count: Registrations(i))).ToDictionary(x => x.Code, x => x.Count, StringComparer.Ordinal),
            4_321);
        var then = new SnapshotCounts(
            PreviousDate,
            ProvinceNames.Select((p, i) => (p.Code, Count: Registrations(i) * 4 / 5)).ToDictionary(x => x.Code, x => x.Count, StringComparer.Ordinal),
            3_210);
        return new AnnexInput(Country, Provinces, now, then, [then]);
    }
}
