using System.Globalization;
using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using ClosedXML.Excel;

namespace BluezoneTracker.Web.Tests.Reports;

public sealed class AnnexDownloadTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private const string Query = "?date=2020-08-17&compare=2020-08-12";

    [Theory]
    [InlineData("/annex.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Phu-luc-Bluezone-Tinh-Son-La-2020-08-17.xlsx", "Phụ lục Bluezone Tỉnh Sơn La 2020-08-17.xlsx")]
    [InlineData("/annex.pdf", "application/pdf", "Phu-luc-Bluezone-Tinh-Son-La-2020-08-17.pdf", "Phụ lục Bluezone Tỉnh Sơn La 2020-08-17.pdf")]
    [InlineData("/annex.csv", "text/csv", "Phu-luc-Bluezone-Tinh-Son-La-2020-08-17.csv", "Phụ lục Bluezone Tỉnh Sơn La 2020-08-17.csv")]
    public async Task Downloads_have_an_ascii_name_and_the_vietnamese_name_as_filename_star(string path, string contentType, string ascii, string vietnamese)
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var response = await client.GetAsync(new Uri(path + Query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(ascii, disposition.FileName!.Trim('"'));
        Assert.Equal(vietnamese, disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''Ph%E1%BB%A5%20l%E1%BB%A5c%20Bluezone%20T%E1%BB%89nh%20S%C6%A1n%20La", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_with_summary_true_prints_the_page_s_summary_sentence_above_the_table()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/annex" + Query, UriKind.Relative)));
        var sentence = page.QuerySelector("#annex-summary-text")!.Text();
        Assert.Equal(
            "Theo thống kê, tính đến ngày 17/8/2020, toàn tỉnh Sơn La có 84.126 lượt cài đặt và sử dụng ứng dụng Bluezone-Phát hiện tiếp xúc, chiếm 6,74% dân số toàn tỉnh, tăng 19.867 lượt so với thống kê ngày 12/8/2020.",
            sentence);

        var with = PdfText.Pages(await client.GetByteArrayAsync(new Uri("/annex.pdf" + Query + "&summary=true", UriKind.Relative)))[0];
        var without = PdfText.Pages(await client.GetByteArrayAsync(new Uri("/annex.pdf" + Query, UriKind.Relative)))[0];
        Assert.True(PdfText.IndexOf(with, PdfText.Words(sentence)) >= 0);
        Assert.Equal(-1, PdfText.IndexOf(without, PdfText.Words(sentence)));
    }

    [Fact]
    public async Task Every_cell_is_identical_in_the_html_page_the_excel_sheet_and_the_pdf()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/annex" + Query, UriKind.Relative)));
        var annex = page.QuerySelector("[data-testid=annex]")!;
        var htmlHeaders = annex.QuerySelectorAll("thead th").Select(h => h.Text()).ToArray();
        var htmlRows = annex.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.Text()).ToArray()).ToArray();
        Assert.Equal(14, htmlRows.Length);

        // Excel: what the sheet shows in a Vietnamese locale (the cells themselves are numbers).
        using var book = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync(new Uri("/annex.xlsx" + Query, UriKind.Relative))));
        var sheet = book.Worksheet(1);
        Assert.Equal(annex.QuerySelector("h1")!.Text(), sheet.Cell(Web.Reports.AnnexExcel.TitleRow, 1).GetString());
        Assert.Equal(annex.QuerySelector(".as-of")!.Text(), sheet.Cell(Web.Reports.AnnexExcel.AsOfRow, 1).GetString());
        Assert.Equal(annex.QuerySelector(".attachment")!.Text(), sheet.Cell(Web.Reports.AnnexExcel.AttachmentRow, 1).GetString());
        Assert.Equal(htmlHeaders, Enumerable.Range(1, 6).Select(c => sheet.Cell(Web.Reports.AnnexExcel.HeaderRow, c).GetString()));
        var excelRows = Enumerable.Range(Web.Reports.AnnexExcel.FirstLineRow, htmlRows.Length).Select(r => Enumerable.Range(1, 6).Select(c => Shown(sheet.Cell(r, c))).ToArray()).ToArray();
        Assert.Equal(htmlRows, excelRows);

        // PDF: each row's cells, word by word, in order, as the reader's text tools see them.
        var pdfWords = PdfText.Pages(await client.GetByteArrayAsync(new Uri("/annex.pdf" + Query, UriKind.Relative))).SelectMany(p => p).ToList();
        foreach (var row in htmlRows)
        {
            Assert.True(PdfText.IndexOf(pdfWords, PdfText.RowWords(row)) >= 0, $"PDF lacks the row: {string.Join(" | ", row)}");
        }

        foreach (var line in new[] { ".as-of", ".attachment", "h1" })
        {
            Assert.True(PdfText.IndexOf(pdfWords, PdfText.Words(annex.QuerySelector(line)!.Text())) >= 0, $"PDF lacks {line}");
        }
    }

    [Fact]
    public async Task Annex_page_offers_excel_and_pdf_of_the_same_dates_and_the_summary_option()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/annex" + Query, UriKind.Relative)));
        Assert.Equal("/annex.xlsx" + Query, page.QuerySelector("[data-testid=download-xlsx]")!.GetAttribute("href"));
        Assert.Equal("/annex.pdf" + Query + "&summary=true", page.QuerySelector("[data-testid=download-pdf-summary]")!.GetAttribute("href"));

        var form = page.QuerySelector("[data-testid=pdf-form]")!;
        Assert.Equal("/annex.pdf", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value"));
        Assert.Equal(new Dictionary<string, string?> { ["date"] = "2020-08-17", ["compare"] = "2020-08-12" }, fields);
        var checkbox = form.QuerySelector("input[type=checkbox]")!;
        Assert.Equal(("summary", "true"), (checkbox.GetAttribute("name"), checkbox.GetAttribute("value")));
        Assert.Equal("Kèm câu tóm tắt ở đầu PDF", page.QuerySelector("label[for=pdf-summary]")!.Text());

        var copy = page.QuerySelector("[data-copy-target=annex-summary-text]")!;
        Assert.Equal("Chép câu tóm tắt", copy.Text());
        Assert.NotNull(page.QuerySelector("script[src^='/js/annex.js']"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    /// <summary>The text Excel shows for a cell in a Vietnamese locale: its number through its number format.</summary>
    private static string Shown(IXLCell cell)
    {
        if (cell.DataType != XLDataType.Number)
        {
            return cell.GetString();
        }

        var format = cell.Style.NumberFormat.Format;
        var vietnamese = CultureInfo.GetCultureInfo("vi-VN");
        return string.IsNullOrEmpty(format)
            ? cell.GetDouble().ToString(vietnamese)
            : new ExcelNumberFormat.NumberFormat(format).Format(cell.GetDouble(), vietnamese);
    }
}
