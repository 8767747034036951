using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Seed;

namespace BluezoneTracker.Core.Tests.Import;

public sealed class TablesRead
{
    private static CountsFile Read(params string[][] rows) =>
        CountsTable.Read(
            Tables.Csv(rows),
            new AreaMatcher(SonLa.DistrictAreas),
            SonLa.Province);

    [Fact]
    public void Title_rows_the_TT_column_and_the_unassigned_and_total_rows_of_the_annex_are_recognised()
    {
        var file = Read(
            ["THỐNG KÊ TÌNH HÌNH TRIỂN KHAI SỬ DỤNG ỨNG DỤNG BLUEZONE"],
            ["Tính đến ngày 17/8/2020"],
            ["TT", "Huyện, Thành phố", "Dân số", "Số Bluezone đã đăng ký số điện thoại", "So với ngày 12/8/2020", "Tỷ lệ Bluezone đã đăng ký số điện thoại/Dân số"],
            ["1", "Thành phố Sơn La", "103.392", "21.106", "+ 4.024", "20,4 %"],
            ["2", "Huyện Mộc Châu", "112.402", "11.346", "+ 2.008", "10,1 %"],
            ["13", "Số thuê bao chưa xác định được huyện", "", "27", "", ""],
            ["14", "TOÀN TỈNH", "1.248.415", "32.479", "", "6.74 %"]);
        Assert.Empty(file.Problems);
        Assert.Equal([21106L, 11346L], file.Rows.Select(r => r.Count));
        Assert.Equal(27, file.Unassigned);
        Assert.Equal(32479, file.TypedTotal);
        Assert.Empty(file.Warnings);
    }

    [Fact]
    public void A_typed_total_that_differs_from_the_sum_of_the_rows_is_reported()
    {
        var file = Read(["Huyện", "Số đăng ký"], ["Mộc Châu", "100"], ["Tổng cộng", "101"]);
        var warning = Assert.Single(file.Warnings);
        Assert.Equal(new DataWarning(DataWarningKind.TypedTotalMismatch, "14", "Tỉnh Sơn La", 101, 100), warning);
    }

    [Fact]
    public void A_code_that_names_another_district_than_the_name_is_refused()
    {
        var file = Read(["Mã", "Huyện", "Số đăng ký"], ["123", "Vân Hồ", "100"]);
        var problem = Assert.Single(file.Problems);
        Assert.Equal(new ImportProblem(ImportProblemKind.CodeNameMismatch, 2, null, "Vân Hồ", "Huyện Mộc Châu"), problem);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line_and_value()
    {
        var file = Read(["Huyện", "Số đăng ký"], ["Mộc Châu", "-1"], ["Mường Lát", "5"], ["Vân Hồ", "2"], ["Van Ho", "3"]);
        Assert.Equal(
            [
                new ImportProblem(ImportProblemKind.NegativeCount, 2, null, "-1"),
                new ImportProblem(ImportProblemKind.UnknownArea, 3, null, "Mường Lát"),
                new ImportProblem(ImportProblemKind.DuplicateArea, 5, null, "Huyện Vân Hồ", "4"),
            ],
            file.Problems);
    }

    [Fact]
    public void A_table_without_a_count_column_is_refused() =>
        Assert.Equal(ImportProblemKind.MissingColumns, Assert.Single(Read(["Huyện", "Dân số"], ["Mộc Châu", "1"]).Problems).Kind);
}
