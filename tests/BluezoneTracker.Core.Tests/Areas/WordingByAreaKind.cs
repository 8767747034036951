using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Core.Seed;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Core.Tests.Import;

namespace BluezoneTracker.Core.Tests.Areas;

/// <summary>The annex's and the dashboard's words follow the area's kind and its children's level (issue #11, point 3).</summary>
public sealed class WordingByAreaKind
{
    private static readonly Area Country = new("VN", "Việt Nam", AreaKind.Country);
    private static readonly Area MocChau = new("123", "Huyện Mộc Châu", AreaKind.RuralDistrict, "14");
    private static readonly Area HaNoi = new("01", "Thành phố Hà Nội", AreaKind.Province, "VN");

    [Fact]
    public void A_province_of_districts_speaks_as_the_Son_La_dispatch()
    {
        var words = AreaWording.For(SonLa.Province, SonLa.DistrictAreas);

        Assert.Equal("Huyện, Thành phố", words.ChildrenHeader);
        Assert.Equal("Số thuê bao chưa xác định được huyện", words.UnassignedLabel);
        Assert.Equal("TOÀN TỈNH", words.TotalLabel);
        Assert.Equal("Toàn tỉnh", words.WholeLabel);
        Assert.Equal("huyện", words.ChildNoun);
        Assert.Equal("toàn tỉnh Sơn La", words.WholeOf);
    }

    [Fact]
    public void A_province_of_communes_since_July_2025_names_communes_but_stays_a_province()
    {
        var communes = new[] { new Area("3001", "Xã Chiềng Sơn", AreaKind.Commune, "14"), new Area("3002", "Phường Tô Hiệu", AreaKind.Ward, "14") };

        var words = AreaWording.For(SonLa.Province, communes);

        Assert.Equal("Xã, Phường, Thị trấn", words.ChildrenHeader);
        Assert.Equal("Số thuê bao chưa xác định được xã", words.UnassignedLabel);
        Assert.Equal("TOÀN TỈNH", words.TotalLabel);
        Assert.Equal("xã", words.ChildNoun);
    }

    [Fact]
    public void A_district_names_its_communes_and_its_own_total()
    {
        var words = AreaWording.For(MocChau);

        Assert.Equal("Xã, Phường, Thị trấn", words.ChildrenHeader);
        Assert.Equal("Số thuê bao chưa xác định được xã", words.UnassignedLabel);
        Assert.Equal("TOÀN HUYỆN", words.TotalLabel);
        Assert.Equal("toàn huyện Mộc Châu", words.WholeOf);
    }

    [Fact]
    public void The_country_names_provinces_and_the_whole_country()
    {
        var words = AreaWording.For(Country, NationalSample.Provinces);

        Assert.Equal("Tỉnh, Thành phố", words.ChildrenHeader);
        Assert.Equal("Số thuê bao chưa xác định được tỉnh", words.UnassignedLabel);
        Assert.Equal("TOÀN QUỐC", words.TotalLabel);
        Assert.Equal("toàn quốc", words.WholeOf);
        Assert.Equal("tỉnh", words.ChildNoun);
    }

    [Theory]
    [InlineData("Thành phố Hà Nội", AreaKind.Province, "TOÀN THÀNH PHỐ")]
    [InlineData("Tỉnh Sơn La", AreaKind.Province, "TOÀN TỈNH")]
    [InlineData("Thành phố Sơn La", AreaKind.City, "TOÀN THÀNH PHỐ")]
    [InlineData("Thị xã Mường Lay", AreaKind.Town, "TOÀN THỊ XÃ")]
    [InlineData("Quận Ba Đình", AreaKind.RuralDistrict, "TOÀN QUẬN")]
    [InlineData("Huyện Vân Hồ", AreaKind.RuralDistrict, "TOÀN HUYỆN")]
    [InlineData("Xã Chiềng Sơn", AreaKind.Commune, "TOÀN XÃ")]
    [InlineData("Phường Tô Hiệu", AreaKind.Ward, "TOÀN PHƯỜNG")]
    [InlineData("Thị trấn Hát Lót", AreaKind.Township, "TOÀN THỊ TRẤN")]
    public void The_total_row_names_the_areas_own_kind(string name, AreaKind kind, string total)
    {
        Assert.Equal(total, AreaWording.For(new Area("1", name, kind)).TotalLabel);
    }

    [Fact]
    public void The_annex_of_a_district_and_of_the_country_carry_their_words()
    {
        var district = AnnexDocument.From(AnnexCalculator.Build(new AnnexInput(
            MocChau,
            [new Area("4001", "Xã Chiềng Sơn", AreaKind.Commune, "123") { Population = new Population(10_000, 2019, "TĐTDS 2019") }],
            new SnapshotCounts(new DateOnly(2020, 8, 17), new Dictionary<string, long> { ["4001"] = 500 }, 3),
            null,
            [])), new ReportSettings());
        Assert.Equal("Xã, Phường, Thị trấn", district.Headers[1]);
        Assert.Equal(["Số thuê bao chưa xác định được xã", "TOÀN HUYỆN"], district.Lines.Skip(1).Select(l => l.Name));
        Assert.StartsWith("Theo thống kê, tính đến ngày 17/8/2020, toàn huyện Mộc Châu có 503 lượt", district.Summary, StringComparison.Ordinal);

        var national = AnnexDocument.From(NationalSample.Annex, new ReportSettings());
        Assert.Equal("Tỉnh, Thành phố", national.Headers[1]);
        Assert.Equal(["Số thuê bao chưa xác định được tỉnh", "TOÀN QUỐC"], national.Lines.TakeLast(2).Select(l => l.Name));
        Assert.Contains("tính đến ngày 17/8/2020, toàn quốc có ", national.Summary, StringComparison.Ordinal);
        Assert.Contains("dân số toàn quốc", national.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_province_whose_children_are_communes_keeps_that_in_its_annex()
    {
        var commune = new Area("3001", "Xã Chiềng Sơn", AreaKind.Commune, "14");
        var report = AnnexCalculator.Build(new AnnexInput(
            SonLa.Province, [commune],
            new SnapshotCounts(new DateOnly(2025, 8, 1), new Dictionary<string, long> { ["3001"] = 1 }, 0), null, []));

        Assert.Equal(AreaLevel.Commune, report.ChildLevel);
        Assert.Equal("Xã, Phường, Thị trấn", AnnexDocument.From(report, new ReportSettings()).Headers[1]);
        Assert.Null(AnnexCalculator.Build(new AnnexInput(SonLa.Province, SonLa.DistrictAreas, SonLa.OnReportDate, SonLa.OnPreviousDate, [])).ChildLevel);
    }

    [Fact]
    public void A_commune_level_file_with_its_district_total_and_unassigned_rows_is_read()
    {
        var communes = new[]
        {
            new Area("4001", "Xã Chiềng Sơn", AreaKind.Commune, "123"),
            new Area("4002", "Xã Tông Lệnh", AreaKind.Commune, "123"),
            new Area("4003", "Thị trấn Mộc Châu", AreaKind.Township, "123"),
        };
        foreach (var total in new[] { "Toàn huyện", "Tổng cộng", "Huyện Mộc Châu", "TOÀN HUYỆN MỘC CHÂU" })
        {
            var file = CountsTable.Read(
                Tables.Csv(
                    ["TT", "Xã, Phường, Thị trấn", "Số Bluezone đã đăng ký số điện thoại"],
                    ["1", "Xã Chiềng Sơn", "10"],
                    ["2", "Tông Lệnh", "20"],
                    ["3", "Thị trấn Mộc Châu", "30"],
                    ["4", "Chưa xác định được xã", "4"],
                    ["5", total, "64"]),
                new AreaMatcher(communes),
                MocChau);

            Assert.Empty(file.Problems);
            Assert.Equal([10L, 20L, 30L], file.Rows.Select(r => r.Count));
            Assert.Equal(4, file.Unassigned);
            Assert.Equal(64, file.TypedTotal);
        }
    }

    [Fact]
    public void A_national_file_with_Toan_quoc_and_Ca_Mau_is_read_without_taking_the_province_for_a_total()
    {
        var file = CountsTable.Read(
            Tables.Csv(
                ["Tỉnh, Thành phố", "Số Bluezone đã đăng ký số điện thoại"],
                ["Cà Mau", "7"],
                ["Tỉnh Sơn La", "8"],
                ["Số thuê bao chưa xác định được tỉnh", "1"],
                ["Toàn quốc", "16"]),
            new AreaMatcher(NationalSample.Provinces),
            Country);

        Assert.Empty(file.Problems);
        Assert.Equal(["96", "14"], file.Rows.Select(r => r.Area.Code));
        Assert.Equal(1, file.Unassigned);
        Assert.Equal(16, file.TypedTotal);
    }

    [Fact]
    public void A_bare_name_is_never_the_total_as_it_may_be_a_childs()
    {
        Assert.False(AreaWording.For(SonLa.Province).IsTotalRow("son la"));
        Assert.True(AreaWording.For(SonLa.Province).IsTotalRow("tinh son la"));
        Assert.False(AreaWording.For(HaNoi).IsTotalRow("ha noi"));
        Assert.True(AreaWording.For(HaNoi).IsTotalRow("thanh pho ha noi"));
    }
}
