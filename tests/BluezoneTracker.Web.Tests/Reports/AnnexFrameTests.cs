using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Reports;
using ClosedXML.Excel;
using UglyToad.PdfPig;

namespace BluezoneTracker.Web.Tests.Reports;

/// <summary>
/// What the two files a director signs print around the table, and where the PDF breaks its pages:
/// a 12-row annex is one page, the total row never stands alone, "Đã duyệt" is inside the page.
/// </summary>
public sealed class AnnexFrameTests
{
    private static readonly AnnexNotes Notes = new(
        "Dân số dùng để tính tỷ lệ: năm 2019, nguồn: Tổng điều tra dân số 2019.",
        ["Dân số các huyện cộng lại là 1.234.854, khác dân số chính thức của Sơn La là 1.248.415 (chênh lệch 13.561). Dòng tổng dùng số chính thức."]);

    private static readonly SignOffStatus Signed = new(
        new DateOnly(2020, 8, 17), 1, new SignOff("Giám đốc Sở", new DateTimeOffset(2020, 8, 18, 2, 30, 0, TimeSpan.Zero), 1), null);

    private static readonly SignOffStatus Draft = new(new DateOnly(2020, 8, 17), 1, null, null);

    private static byte[] Pdf(AnnexDocument document, bool summary, SignOffStatus? signOff = null) =>
        AnnexPdf.Write(document, AnnexSamples.Settings, new AnnexPdfOptions(AnnexSamples.GeneratedAt, summary, signOff ?? Signed, Notes));

    [Fact]
    public void Twelve_row_annex_with_the_summary_notes_and_sign_off_is_one_page()
    {
        var document = AnnexSamples.SonLaDocument();
        Assert.Equal(14, document.Lines.Count);
        foreach (var signOff in new[] { Signed, Draft })
        {
            var pages = PdfText.Pages(Pdf(document, summary: true, signOff));
            Assert.Single(pages);
            Assert.True(PdfText.IndexOf(pages[0], PdfText.Words(Notes.Warnings[0])) >= 0, "the warning is not printed");
            Assert.True(PdfText.IndexOf(pages[0], PdfText.Words(Notes.PopulationNote)) >= 0, "the population note is not printed");
        }
    }

    [Fact]
    public void Approved_line_is_printed_inside_the_page_above_the_footer_and_below_the_table()
    {
        using var pdf = PdfDocument.Open(Pdf(AnnexSamples.SonLaDocument(), summary: true));
        var page = pdf.GetPage(1);
        var words = page.GetWords().ToList();
        double Top(string text) => words.First(w => w.Text == text).BoundingBox.Top;
        double Bottom(string text) => words.First(w => w.Text == text).BoundingBox.Bottom;

        // PDF coordinates grow upwards: inside the page means above the footer's text and above the paper's edge.
        var approved = Bottom("duyệt:");
        Assert.True(approved > Top("Tạo") + 2, $"'Đã duyệt' at {approved} is not above the footer at {Top("Tạo")}");
        Assert.True(approved < Bottom("TOÀN"), "'Đã duyệt' must come after the table");
        Assert.True(Bottom("Tạo") > 0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Total_row_always_shares_its_page_with_the_rows_above_it(bool summary)
    {
        var national = AnnexSamples.NationalDocument();
        var areas = national.Lines.Where(l => l.Kind == AnnexLineKind.Area).ToList();
        var tail = national.Lines.Where(l => l.Kind != AnnexLineKind.Area).ToList();
        var pagesSeen = new HashSet<int>();
        for (var n = 12; n <= areas.Count; n++)
        {
            var document = national with { Lines = [.. areas.Take(n), .. tail] };
            var pages = PdfText.Pages(Pdf(document, summary));
            pagesSeen.Add(pages.Count);
            var last = pages[^1];
            Assert.True(PdfText.IndexOf(last, PdfText.RowWords(document.Lines[^1].Cells)) >= 0, $"{n} rows: the total is not on the last page");
            Assert.True(PdfText.IndexOf(last, PdfText.RowWords(areas[n - 1].Cells)) >= 0, $"{n} rows: the total is separated from the last area");
            Assert.True(PdfText.IndexOf(last, ["GIÁM", "ĐỐC"]) >= 0, $"{n} rows: the signer is not with the total");
            if (n == 12)
            {
                Assert.Single(pages);
            }
        }

        Assert.True(pagesSeen.Count >= 3, "the rows tried should have crossed page breaks");
    }

    [Fact]
    public void Excel_sheet_carries_the_same_lines_around_the_table_as_the_pdf()
    {
        var document = AnnexSamples.SonLaDocument();
        var settings = AnnexSamples.Settings;
        using var book = new XLWorkbook(new MemoryStream(AnnexExcel.Write(document, settings, Signed, Notes)));
        var sheet = book.Worksheet(1);
        var cells = sheet.CellsUsed().Select(c => c.GetString()).ToHashSet(StringComparer.Ordinal);
        var pdfWords = PdfText.Pages(Pdf(document, summary: false)).SelectMany(p => p).ToList();

        var frame = AnnexFrame.From(document, settings, Signed, Notes);
        string[] lines =
        [
            "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH SƠN LA",
            "Số: /STTTT-TTBCXB",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Sơn La, ngày 17 tháng 8 năm 2020",
            Notes.PopulationNote,
            "- " + Notes.Warnings[0],
            "Đã duyệt: Giám đốc Sở, 09:30 ngày 18/8/2020",
            "GIÁM ĐỐC",
            "Nguyễn Đức Tĩnh",
        ];
        Assert.Equal<IEnumerable<string>>(lines, [frame.Agency, frame.NumberLine, AnnexFrame.NationText, AnnexFrame.MottoText, frame.PlaceDateLine, .. frame.NoteLines().Where(l => l != AnnexFrame.WarningsHeading), frame.StatusLine!, frame.SignerTitle, frame.SignerName]);
        foreach (var line in lines)
        {
            Assert.Contains(line, cells);
            Assert.True(PdfText.IndexOf(pdfWords, PdfText.Words(line)) >= 0, $"the PDF lacks \"{line}\"");
        }

        // The signer block comes after the table and the notes, on the right half of the sheet.
        var signer = sheet.CellsUsed().Single(c => c.GetString() == "GIÁM ĐỐC");
        Assert.True(signer.Address.RowNumber > AnnexExcel.FirstLineRow + document.Lines.Count);
        Assert.True(signer.Address.ColumnNumber >= 4);
        Assert.Contains(sheet.PageSetup.PrintAreas.Single().Cells(), c => c.Address.RowNumber >= signer.Address.RowNumber + 4);
    }

    [Fact]
    public void Excel_page_header_has_a_band_of_its_own_above_the_sheet()
    {
        using var book = new XLWorkbook(new MemoryStream(AnnexExcel.Write(AnnexSamples.SonLaDocument(), AnnexSamples.Settings, Draft, Notes)));
        var page = book.Worksheet(1).PageSetup;
        Assert.Contains(SignOffStatus.DraftMark, page.Header.Center.GetText(XLHFOccurrence.OddPages), StringComparison.Ordinal);

        // The header is printed at Margins.Header from the edge; the sheet starts at Margins.Top. About 0.2" for a 12 pt line, plus air.
        Assert.True(page.Margins.Top - page.Margins.Header >= 0.45, $"header at {page.Margins.Header}\", sheet at {page.Margins.Top}\"");
    }
}
