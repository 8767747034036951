using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Seed;

namespace BluezoneTracker.Core.Tests.Import;

/// <summary>The as-of date a file states about itself, compared with the date the user chose for it.</summary>
public sealed class DateWrittenInTheFile
{
    private static readonly DateOnly August18 = new(2020, 8, 18);

    private static RawTable Csv(params string[][] rows) => Tables.Csv(rows);

    private static RawTable Sheet(params string[][] rows) => Tables.Sheet(rows);

    private static readonly string[] Header = ["TT", "Huyện, Thành phố", "Số Bluezone đã đăng ký số điện thoại", "So với ngày 12/8/2020"];

    [Fact]
    public void The_annex_title_line_gives_the_date_and_its_line()
    {
        var table = Csv(
            ["THỐNG KÊ TÌNH HÌNH TRIỂN KHAI SỬ DỤNG ỨNG DỤNG BLUEZONE"],
            ["Tính đến ngày 17/8/2020"],
            ["(Kèm theo Công văn số: 123/STTTT-TTBCXB ngày 20/8/2020 của Sở TT&TT)"],
            Header,
            ["1", "Thành phố Sơn La", "21.106", "+ 4.024"]);

        Assert.Equal([new StatedDate(new DateOnly(2020, 8, 17), 2, null)], FileDate.Find(table));
    }

    [Fact]
    public void A_date_that_differs_from_the_chosen_one_is_a_warning_with_both_dates()
    {
        var table = Csv(["Tính đến ngày 17/8/2020"], Header, ["1", "Thành phố Sơn La", "21.106", "+ 4.024"]);

        var warning = FileDate.Compare(table, August18, SonLa.Province);

        Assert.Equal(new DataWarning(DataWarningKind.FileDateDiffers, "14", "Tỉnh Sơn La", 1, null, new DateOnly(2020, 8, 17), null, August18), warning);
    }

    [Fact]
    public void The_same_date_is_no_warning()
    {
        var table = Csv(["Tính đến ngày 18/08/2020"], Header, ["1", "Thành phố Sơn La", "21.106", "+ 4.024"]);
        Assert.Null(FileDate.Compare(table, August18, SonLa.Province));
    }

    [Theory]
    [InlineData("Tính đến ngày 17/8/2020")]
    [InlineData("TÍNH ĐẾN NGÀY 17-08-2020")]
    [InlineData("Thống kê tính đến ngày 17.8.2020")]
    [InlineData("Tính đến ngày 17 tháng 8 năm 2020")]
    [InlineData("Tinh den ngay 2020-08-17")]
    [InlineData("(Tính đến ngày 17/8/2020)")]
    [InlineData("Thống kê ngày 17/8/2020")]
    [InlineData("Counts as of 17/8/2020")]
    public void Title_lines_as_staff_write_them_are_recognised(string title)
    {
        var stated = Assert.Single(FileDate.Find(Csv([title], Header)));
        Assert.Equal(new DateOnly(2020, 8, 17), stated.Date);
    }

    /// <summary>A fresh user's trial (round 10): these titles were stored for 18/8 with no warning.</summary>
    [Theory]
    [InlineData("Số liệu đến ngày 17/8/2020")]
    [InlineData("THỐNG KÊ SỐ LIỆU BLUEZONE ĐẾN NGÀY 17/8/2020")]
    [InlineData("Ngày 17/8/2020")]
    [InlineData("Cập nhật đến 17/8/2020")]
    [InlineData("Tính đến 17/8/2020")]
    public void Title_lines_with_den_ngay_cap_nhat_den_or_a_leading_ngay_are_recognised(string title)
    {
        var stated = Assert.Single(FileDate.Find(Csv([title], Header)));
        Assert.Equal(new DateOnly(2020, 8, 17), stated.Date);
        Assert.NotNull(FileDate.Compare(Csv([title], Header), August18, SonLa.Province));
    }

    [Theory]
    [InlineData("Sơn La, ngày 17 tháng 8 năm 2020")]
    [InlineData("Ngày báo cáo: hôm nay")]
    public void A_place_and_date_line_or_a_ngay_without_a_date_is_not_the_files_date(string title) =>
        Assert.Empty(FileDate.Find(Csv([title], Header)));

    [Fact]
    public void A_count_column_headed_den_ngay_among_other_headers_is_not_a_title()
    {
        var table = Sheet(["TT", "Huyện", "Số đăng ký đến ngày 17/8/2020"], ["1", "Mộc Châu", "100"]);
        Assert.Empty(FileDate.Find(table));
    }

    [Fact]
    public void The_phrase_in_one_cell_and_the_date_in_the_next_gives_the_date_cell()
    {
        // Excel's date cells are read as ISO text.
        var table = Sheet(["Tính đến ngày", "", "2020-08-17"], Header);
        Assert.Equal([new StatedDate(new DateOnly(2020, 8, 17), 1, "C1")], FileDate.Find(table));
    }

    [Fact]
    public void A_date_column_gives_the_first_row_whose_date_differs()
    {
        var table = Sheet(
            ["Ngày", "Huyện", "Số đăng ký"],
            ["18/8/2020", "Mộc Châu", "100"],
            ["17/8/2020", "Vân Hồ", "100"],
            ["", "Số thuê bao chưa xác định được huyện", "30"]);

        Assert.Equal(
            [new StatedDate(August18, 2, "A2"), new StatedDate(new DateOnly(2020, 8, 17), 3, "A3")],
            FileDate.Find(table));
        Assert.Equal(3, FileDate.Compare(table, August18, SonLa.Province)!.Value);
    }

    [Fact]
    public void The_comparison_date_and_the_dispatch_date_are_not_the_as_of_date()
    {
        var table = Csv(
            ["(Kèm theo Công văn số: 123/STTTT-TTBCXB ngày 17/8/2020 của Sở TT&TT)"],
            Header,
            ["1", "Thành phố Sơn La", "21.106", "+ 4.024"]);
        Assert.Empty(FileDate.Find(table));
        Assert.Null(FileDate.Compare(table, August18, SonLa.Province));
    }

    [Theory]
    [InlineData("Tính đến ngày 31/2/2020")]
    [InlineData("Tính đến ngày 17/13/2020")]
    [InlineData("Tính đến ngày hôm nay")]
    [InlineData("Tính đến ngày 17/8/20201")]
    public void Something_that_is_not_a_date_is_ignored(string title) =>
        Assert.Empty(FileDate.Find(Csv([title], Header)));

    [Fact]
    public void A_file_without_any_date_states_none() =>
        Assert.Empty(FileDate.Find(Csv(["Mã", "Huyện", "Số đăng ký"], ["123", "Mộc Châu", "100"])));
}
