using BluezoneTracker.Web.Reports;
using ClosedXML.Excel;

namespace BluezoneTracker.Web.Tests.Reports;

public sealed class AnnexExcelTests
{
    private const string Count = "#,##0";
    private const string Change = "+ #,##0;- #,##0;0";

    private static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    [Fact]
    public void Sơn_La_sheet_has_the_merged_title_lines_and_the_official_headers()
    {
        using var book = Open(AnnexExcel.Write(AnnexSamples.SonLaDocument(), AnnexSamples.Settings));
        var sheet = Assert.Single(book.Worksheets);
        Assert.Equal("Phụ lục", sheet.Name);

        Assert.Equal("THỐNG KÊ TÌNH HÌNH TRIỂN KHAI SỬ DỤNG ỨNG DỤNG BLUEZONE", sheet.Cell("A5").GetString());
        Assert.Equal("Tính đến ngày 17/8/2020", sheet.Cell("A6").GetString());
        Assert.Equal("(Kèm theo Công văn số: /STTTT-TTBCXB ngày 17/8/2020 của Sở TT&TT)", sheet.Cell("A7").GetString());
        Assert.Contains("A5:F5", sheet.MergedRanges.Select(r => r.RangeAddress.ToString()));
        Assert.True(sheet.Cell("A5").Style.Font.Bold);
        Assert.True(sheet.Cell("A7").Style.Font.Italic);

        Assert.Equal(
            ["TT", "Huyện, Thành phố", "Dân số", "Số Bluezone đã đăng ký số điện thoại", "So với ngày 12/8/2020", "Tỷ lệ Bluezone đã đăng ký số điện thoại/Dân số"],
            Enumerable.Range(1, 6).Select(c => sheet.Cell(9, c).GetString()));
        Assert.True(sheet.Cell("D9").Style.Alignment.WrapText);
    }

    [Fact]
    public void Every_figure_is_a_number_cell_with_the_number_format_of_its_column()
    {
        using var book = Open(AnnexExcel.Write(AnnexSamples.SonLaDocument(), AnnexSamples.Settings));
        var sheet = book.Worksheet(1);

        // First district: 1 | Thành phố Sơn La | 103.392 | 21.106 | + 4.024 | 20,4 %
        AssertNumber(sheet.Cell("A10"), 1, null);
        Assert.Equal("Thành phố Sơn La", sheet.Cell("B10").GetString());
        AssertNumber(sheet.Cell("C10"), 103_392, Count);
        AssertNumber(sheet.Cell("D10"), 21_106, Count);
        AssertNumber(sheet.Cell("E10"), 4_024, Change);
        AssertNumber(sheet.Cell("F10"), (double)(21_106m / 103_392m), "0.0 %");

        // Mai Sơn: the exact rate, whose display is 6,3 % (the dispatch's 6,4 % was wrong).
        Assert.Equal("Huyện Mai Sơn", sheet.Cell("B12").GetString());
        AssertNumber(sheet.Cell("F12"), (double)(10_329m / 162_696m), "0.0 %");

        // Unassigned: no population and no rate.
        Assert.Equal("Số thuê bao chưa xác định được huyện", sheet.Cell("B22").GetString());
        Assert.True(sheet.Cell("C22").IsEmpty());
        AssertNumber(sheet.Cell("D22"), 27, Count);
        AssertNumber(sheet.Cell("E22"), 12, Change);
        Assert.True(sheet.Cell("F22").IsEmpty());

        // Province total: official population, two decimals on the rate, bold.
        AssertNumber(sheet.Cell("A23"), 14, null);
        Assert.Equal("TOÀN TỈNH", sheet.Cell("B23").GetString());
        AssertNumber(sheet.Cell("C23"), 1_248_415, Count);
        AssertNumber(sheet.Cell("D23"), 84_126, Count);
        AssertNumber(sheet.Cell("E23"), 19_867, Change);
        AssertNumber(sheet.Cell("F23"), (double)(84_126m / 1_248_415m), "0.00 %");
        Assert.True(sheet.Cell("B23").Style.Font.Bold);
        Assert.True(sheet.Cell("A24").IsEmpty());

        // Officials can sum the column: the districts plus unassigned make the total.
        Assert.Equal(84_126, Enumerable.Range(10, 13).Sum(r => sheet.Cell(r, 4).GetDouble()));
    }

    [Fact]
    public void Table_has_thin_borders_and_right_aligned_figures()
    {
        using var book = Open(AnnexExcel.Write(AnnexSamples.SonLaDocument(), AnnexSamples.Settings));
        var sheet = book.Worksheet(1);
        foreach (var address in new[] { "A9", "F9", "B10", "C16", "F23", "A23" })
        {
            var border = sheet.Cell(address).Style.Border;
            Assert.Equal(XLBorderStyleValues.Thin, border.TopBorder);
            Assert.Equal(XLBorderStyleValues.Thin, border.BottomBorder);
            Assert.Equal(XLBorderStyleValues.Thin, border.LeftBorder);
            Assert.Equal(XLBorderStyleValues.Thin, border.RightBorder);
        }

        Assert.Equal(XLBorderStyleValues.None, sheet.Cell("A8").Style.Border.BottomBorder);
        Assert.Equal([6, 40, 14, 20, 17, 26], Enumerable.Range(1, 6).Select(c => sheet.Column(c).Width));
    }

    [Fact]
    public void Sheet_prints_on_A4_landscape_one_page_wide_with_the_header_row_repeated()
    {
        using var book = Open(AnnexExcel.Write(AnnexSamples.SonLaDocument(), AnnexSamples.Settings));
        var page = book.Worksheet(1).PageSetup;
        Assert.Equal(XLPaperSize.A4Paper, page.PaperSize);
        Assert.Equal(XLPageOrientation.Landscape, page.PageOrientation);
        Assert.Equal(9, page.FirstRowToRepeatAtTop);
        Assert.Equal(9, page.LastRowToRepeatAtTop);
        Assert.Equal("A1:F30", Assert.Single(page.PrintAreas).RangeAddress.ToStringRelative());
        Assert.Equal(1, page.PagesWide);
        Assert.Equal(0, page.PagesTall);

        Assert.Equal("Sở Thông tin và Truyền thông tỉnh Sơn La", book.Properties.Author);
        Assert.Equal("THỐNG KÊ TÌNH HÌNH TRIỂN KHAI SỬ DỤNG ỨNG DỤNG BLUEZONE – Tính đến ngày 17/8/2020", book.Properties.Title);
    }

    [Fact]
    public void National_sheet_has_63_provinces_then_unassigned_and_the_country_total()
    {
        var document = AnnexSamples.NationalDocument();
        using var book = Open(AnnexExcel.Write(document, AnnexSamples.Settings));
        var sheet = book.Worksheet(1);
        Assert.Equal("Tỉnh, Thành phố", sheet.Cell("B9").GetString());
        Assert.Equal("A1:F81", Assert.Single(sheet.PageSetup.PrintAreas).RangeAddress.ToStringRelative());
        Assert.Equal(9, sheet.PageSetup.FirstRowToRepeatAtTop);
        Assert.Equal("Số thuê bao chưa xác định được tỉnh", sheet.Cell("B73").GetString());
        Assert.Equal("TOÀN QUỐC", sheet.Cell("B74").GetString());
        for (var i = 0; i < document.Lines.Count; i++)
        {
            var line = document.Lines[i];
            var row = AnnexExcel.FirstLineRow + i;
            Assert.Equal(line.Number, sheet.Cell(row, 1).GetValue<int>());
            Assert.Equal(line.Name, sheet.Cell(row, 2).GetString());
            Assert.Equal(line.Registrations, (long)sheet.Cell(row, 4).GetDouble());
        }
    }

    private static void AssertNumber(IXLCell cell, double expected, string? format)
    {
        Assert.Equal(XLDataType.Number, cell.DataType);
        Assert.Equal(expected, cell.GetDouble(), 12);
        if (format is not null)
        {
            Assert.Equal(format, cell.Style.NumberFormat.Format);
        }
    }
}
