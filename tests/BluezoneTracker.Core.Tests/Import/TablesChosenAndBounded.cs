using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Seed;

namespace BluezoneTracker.Core.Tests.Import;

/// <summary>Which sheet and which column are read for a date, and where a typed table begins and ends.</summary>
public sealed class TablesChosenAndBounded
{
    private static readonly DateOnly August18 = new(2020, 8, 18);

    private static readonly string[][] Counts18 = [["Huyện", "Số đăng ký"], ["Mộc Châu", "12.066"], ["Mai Sơn", "11.234"]];

    private static readonly string[][] Counts17 = [["Huyện", "Số đăng ký"], ["Mộc Châu", "11.346"], ["Mai Sơn", "10.329"]];

    private static CountsFile Read(RawWorkbook workbook, TableChoice? choice = null) =>
        CountsTable.Read(workbook, new AreaMatcher(SonLa.DistrictAreas), SonLa.Province, August18, choice);

    private static CountsFile Read(params string[][] rows) => Read(new RawWorkbook(FileFormat.Xlsx, [new RawSheet("Sheet1", SheetVisibility.Visible, Tables.Sheet(rows))]));

    private static RawSheet Sheet(string name, string[][] rows, SheetVisibility visibility = SheetVisibility.Visible) => new(name, visibility, Tables.Sheet(rows));

    [Theory]
    [InlineData("18-8")]
    [InlineData("18.8")]
    [InlineData("Ngày 18")]
    [InlineData("18-8-2020")]
    [InlineData("18.08.2020")]
    public void The_sheet_named_for_the_date_is_read_among_sheets_of_other_days(string name)
    {
        var file = Read(new RawWorkbook(FileFormat.Xlsx, [Sheet("17-8", Counts17), Sheet(name, Counts18), Sheet("Ghi chú", [["Gửi Sở"]])]));
        Assert.Empty(file.Problems);
        Assert.Equal(name, file.Reading.Sheet);
        Assert.Equal([12066L, 11234L], file.Rows.Select(r => r.Count));
    }

    [Theory]
    [InlineData(SheetVisibility.Hidden)]
    [InlineData(SheetVisibility.VeryHidden)]
    public void A_hidden_sheet_is_never_read_unless_asked_for_by_name(SheetVisibility hidden)
    {
        var workbook = new RawWorkbook(FileFormat.Xlsx, [Sheet("Hôm qua", Counts17, hidden), Sheet("Số liệu", Counts18)]);
        Assert.Equal([12066L, 11234L], Read(workbook).Rows.Select(r => r.Count));
        Assert.Equal([11346L, 10329L], Read(workbook, new TableChoice(Sheet: "Hôm qua")).Rows.Select(r => r.Count));
    }

    [Fact]
    public void Several_count_sheets_none_named_for_the_date_are_refused_listing_them()
    {
        var file = Read(new RawWorkbook(FileFormat.Xlsx, [Sheet("Bảng A", Counts17), Sheet("Bảng B", Counts18)]));
        var problem = Assert.Single(file.Problems);
        Assert.Equal(ImportProblemKind.AmbiguousSheet, problem.Kind);
        Assert.Equal("Bảng A; Bảng B", problem.Other);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void The_only_table_on_a_sheet_named_for_another_day_is_refused()
    {
        var file = Read(new RawWorkbook(FileFormat.Xlsx, [Sheet("17-8", Counts17), Sheet("Ghi chú", [["Gửi Sở"]])]));
        Assert.Equal(ImportProblemKind.NoSheetForDate, Assert.Single(file.Problems).Kind);
    }

    [Fact]
    public void The_column_whose_header_names_the_date_is_read_never_the_first()
    {
        var file = Read(["Huyện", "Số đăng ký đến 17/8/2020", "Số đăng ký đến 18/8/2020"], ["Mộc Châu", "11346", "12066"]);
        Assert.Empty(file.Problems);
        Assert.Equal("C", file.Reading.CountColumn!.Label);
        Assert.Equal(12066, Assert.Single(file.Rows).Count);
    }

    [Fact]
    public void A_two_row_header_names_the_date_under_a_merged_count_header()
    {
        var file = Read(["TT", "Huyện", "Số đăng ký", ""], ["", "", "Ngày 17/8", "Ngày 18/8"], ["1", "Mộc Châu", "11346", "12066"]);
        Assert.Empty(file.Problems);
        Assert.Equal(("D", "Số đăng ký Ngày 18/8"), (file.Reading.CountColumn!.Label, file.Reading.CountColumn.Header));
        Assert.Contains(file.Reading.Skipped, s => s is { Line: 2, Reason: SkipReason.SubHeader });
        Assert.Equal(12066, Assert.Single(file.Rows).Count);
    }

    [Fact]
    public void Two_count_columns_without_the_date_are_refused_and_the_column_can_be_chosen()
    {
        string[][] rows = [["Huyện", "Số đăng ký Viettel", "Số đăng ký VNPT"], ["Mộc Châu", "100", "200"]];
        var refused = Read(rows);
        Assert.Equal(ImportProblemKind.AmbiguousColumn, Assert.Single(refused.Problems).Kind);
        Assert.Equal("B: Số đăng ký Viettel; C: Số đăng ký VNPT", refused.Problems[0].Other);
        var chosen = Read(new RawWorkbook(FileFormat.Xlsx, [Sheet("S", rows)]), new TableChoice(Column: "C"));
        Assert.Equal(200, Assert.Single(chosen.Rows).Count);
    }

    [Fact]
    public void A_single_count_column_named_for_another_date_is_refused()
    {
        var file = Read(["Huyện", "Số đăng ký đến 17/8/2020"], ["Mộc Châu", "11346"]);
        Assert.Equal(ImportProblemKind.ColumnForOtherDate, Assert.Single(file.Problems).Kind);
    }

    [Fact]
    public void The_table_ends_at_its_total_row_and_the_signature_block_is_skipped()
    {
        var file = Read(
            ["TT", "Địa phương", "Số lượng cài đặt"],
            ["A", "B", "1"],
            ["1", "Mộc Châu", "12066"],
            ["2", "Không xác định được huyện", "33"],
            ["", "TOÀN TỈNH", "12099"],
            ["", "Sơn La, ngày 18 tháng 8 năm 2020", ""],
            ["", "GIÁM ĐỐC", "Nguyễn Văn A"],
            ["Ghi chú", "", "2020"]);
        Assert.Empty(file.Problems);
        Assert.Equal((12066L, 33L, 12099L), (Assert.Single(file.Rows).Count, file.Unassigned!.Value, file.TypedTotal!.Value));
        Assert.Equal(
            [(2, SkipReason.ColumnNumbers), (5, SkipReason.Total), (6, SkipReason.AfterTotal), (7, SkipReason.AfterTotal), (8, SkipReason.AfterTotal)],
            file.Reading.Skipped.Select(s => (s.Line, s.Reason)));
        Assert.Equal((3, 4), (file.Reading.FirstDataLine!.Value, file.Reading.LastDataLine!.Value));
    }

    [Theory]
    [InlineData("Tỉnh Sơn La")]
    [InlineData("Toàn tỉnh Sơn La")]
    [InlineData("Cả tỉnh")]
    [InlineData("Tổng số")]
    public void The_province_as_a_row_is_the_total_never_its_city(string total)
    {
        var file = Read(["Tên đơn vị", "Số Bluezone"], ["Thành phố Sơn La", "22556"], [total, "22556"]);
        Assert.Empty(file.Problems);
        Assert.Equal("116", Assert.Single(file.Rows).Area.Code);
        Assert.Equal(22556, file.TypedTotal);
    }

    [Fact]
    public void Zero_width_and_non_breaking_spaces_are_removed_before_matching_and_parsing()
    {
        var file = Read(["Huyện", "Số đăng ký"], ["Mộc\u200b Châu", "12\u00a0066"], ["\ufeffMai\u00a0Sơn", "11.234\u200b"]);
        Assert.Empty(file.Problems);
        Assert.Equal([12066L, 11234L], file.Rows.Select(r => r.Count));
    }

    [Theory]
    [InlineData("#DIV/0!")]
    [InlineData("#N/A")]
    [InlineData("#REF!")]
    public void An_error_value_in_a_count_is_refused_with_its_cell(string error)
    {
        var table = new RawTable([new RawRow(1, [new RawCell("Huyện"), new RawCell("Số đăng ký")]), new RawRow(2, [new RawCell("Mộc Châu"), new RawCell(null, null, error)])], IsSpreadsheet: true);
        var file = CountsTable.Read(table, new AreaMatcher(SonLa.DistrictAreas), SonLa.Province);
        Assert.Equal(new ImportProblem(ImportProblemKind.ErrorValue, 2, "B2", error), Assert.Single(file.Problems));

        // The same text in a CSV export is refused the same way.
        Assert.Equal(ImportProblemKind.ErrorValue, CountText.Parse(error).Problem);
    }

    [Fact]
    public void A_csv_row_with_more_fields_than_its_header_is_refused_with_its_line()
    {
        var file = CountsTable.Read(Tables.Csv(["Huyện", "Số đăng ký"], ["Mộc Châu", "12", "066"], ["Mai Sơn", "11234"], ["Yên Châu", "9", "871"]), new AreaMatcher(SonLa.DistrictAreas), SonLa.Province);
        // Each line quotes its own split number (a fresh user's trial saw "22,556" on every line).
        Assert.Equal(
            [new ImportProblem(ImportProblemKind.FieldCountMismatch, 2, null, "3", "2", "12,066"), new ImportProblem(ImportProblemKind.FieldCountMismatch, 4, null, "3", "2", "9,871")],
            file.Problems);
    }

    [Fact]
    public void Tcvn3_cells_are_converted_and_the_conversion_is_reported()
    {
        var file = Read(new RawWorkbook(FileFormat.Xlsx, [Sheet("S", [["HuyÖn, Thµnh phè", "Sè ®¨ng ký"], ["HuyÖn Méc Ch©u", "12066"], ["Sè thuª bao ch\u00ADa x¸c ®Þnh", "33"]])]));
        Assert.Empty(file.Problems);
        Assert.Equal(LegacyEncoding.Tcvn3, file.Reading.ConvertedFrom);
        Assert.Equal(("123", "Huyện Mộc Châu"), (Assert.Single(file.Rows).Area.Code, file.Rows[0].TypedName));
        Assert.Equal(33, file.Unassigned);
    }
}
