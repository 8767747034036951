using BluezoneTracker.Web.Reports;
using UglyToad.PdfPig;

namespace BluezoneTracker.Web.Tests.Reports;

public sealed class AnnexPdfTests
{
    [Fact]
    public void Sơn_La_annex_prints_the_agency_block_title_lines_every_row_and_the_signer_word_by_word()
    {
        var document = AnnexSamples.SonLaDocument();
        var pages = PdfText.Pages(AnnexSamples.Pdf(document));
        var all = pages.SelectMany(p => p).ToList();

        // Left and right blocks share lines, so each text is looked for on its own.
        string[] texts =
        [
            "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH SƠN LA",
            "Số: /STTTT-TTBCXB",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Sơn La, ngày 17 tháng 8 năm 2020",
            "THỐNG KÊ TÌNH HÌNH TRIỂN KHAI SỬ DỤNG ỨNG DỤNG BLUEZONE",
            "Tính đến ngày 17/8/2020",
            "(Kèm theo Công văn số: /STTTT-TTBCXB ngày 17/8/2020 của Sở TT&TT)",
        ];
        foreach (var text in texts)
        {
            Assert.True(PdfText.IndexOf(pages[0], PdfText.Words(text)) >= 0, $"\"{text}\" is not printed on page 1");
        }

        foreach (var line in document.Lines)
        {
            Assert.True(PdfText.IndexOf(all, PdfText.RowWords(line.Cells)) >= 0, $"row {line.Number} is not printed as {string.Join(" | ", line.Cells)}");
        }

        Assert.True(PdfText.IndexOf(all, ["GIÁM", "ĐỐC", "Nguyễn", "Đức", "Tĩnh"]) >= 0, "the signer block is missing");
        Assert.True(PdfText.IndexOf(pages[0], PdfText.Words("Tạo bởi BluezoneTracker lúc 16:30 ngày 17/8/2020")) >= 0);
        Assert.True(PdfText.IndexOf(pages[^1], ["Trang", $"{pages.Count}/{pages.Count}"]) >= 0, "the last page has no page number");
    }

    [Fact]
    public void Summary_sentence_is_a_paragraph_above_the_table_only_when_asked_for()
    {
        var document = AnnexSamples.SonLaDocument();
        var summary = PdfText.Words(document.Summary);
        var with = PdfText.Pages(AnnexSamples.Pdf(document, summary: true))[0];
        var sentenceAt = PdfText.IndexOf(with, summary);
        Assert.True(sentenceAt >= 0, "the summary sentence is missing");
        Assert.True(sentenceAt < PdfText.IndexOf(with, ["TT", "Huyện,", "Thành", "phố"]), "the summary must come before the table");
        Assert.StartsWith("Theo thống kê, tính đến ngày 17/8/2020, toàn tỉnh Sơn La có 84.126 lượt", document.Summary, StringComparison.Ordinal);

        var without = PdfText.Pages(AnnexSamples.Pdf(document))[0];
        Assert.Equal(-1, PdfText.IndexOf(without, summary));
    }

    [Fact]
    public void National_table_of_63_provinces_breaks_over_pages_with_the_header_and_page_number_on_each()
    {
        var document = AnnexSamples.NationalDocument();
        Assert.Equal(65, document.Lines.Count);
        var pages = PdfText.Pages(AnnexSamples.Pdf(document));

        // Full pages, then a last one with the header, the last rows, the total and the signer.
        Assert.InRange(pages.Count, 3, 4);
        // Wrapped header cells are read line by line, so the one-line cells are looked for together
        // and every word of the wrapped ones on the same page.
        var oneLine = PdfText.Words("TT Tỉnh, Thành phố Dân số");
        var header = PdfText.Words(string.Join(' ', document.Headers));
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.True(PdfText.IndexOf(pages[i], oneLine) >= 0, $"page {i + 1} has no table header");
            Assert.All(header, word => Assert.Contains(word, pages[i]));
            Assert.True(PdfText.IndexOf(pages[i], ["Trang", $"{i + 1}/{pages.Count}"]) >= 0, $"page {i + 1} has no 'Trang {i + 1}/{pages.Count}'");
        }

        // Every row is printed exactly once, whole on one page, and in the annex's order.
        var previous = (Page: 0, Index: -1);
        foreach (var line in document.Lines)
        {
            var words = PdfText.RowWords(line.Cells);
            var found = pages.Select((p, i) => (Page: i, Index: PdfText.IndexOf(p, words))).Where(x => x.Index >= 0).ToList();
            var only = Assert.Single(found);
            Assert.True(only.Page > previous.Page || (only.Page == previous.Page && only.Index > previous.Index), $"row {line.Number} is out of order");
            previous = only;
        }

        Assert.Contains("TOÀN", pages[^1]);
        Assert.Contains("QUỐC", pages[^1]);
    }

    [Fact]
    public void Settings_typed_in_decomposed_unicode_print_as_the_same_precomposed_letters()
    {
        // Text pasted from some Windows tools arrives as NFD ("ố" = o + circumflex + acute): PDFsharp
        // cannot stack marks, so the renderer composes them first.
        var settings = AnnexSamples.Settings with { SignerName = "Nguyễn Đức Tĩnh".Normalize(System.Text.NormalizationForm.FormD) };
        var pdf = AnnexPdf.Write(AnnexSamples.SonLaDocument(), settings, new AnnexPdfOptions(AnnexSamples.GeneratedAt));
        var words = PdfText.Pages(pdf).SelectMany(p => p).ToList();
        Assert.True(PdfText.IndexOf(words, ["Nguyễn", "Đức", "Tĩnh"]) >= 0, string.Join(' ', words.TakeLast(20)));
    }

    [Fact]
    public void Pdf_is_A4_landscape_with_metadata_and_the_Noto_fonts_embedded()
    {
        using var pdf = PdfDocument.Open(AnnexSamples.Pdf(AnnexSamples.SonLaDocument()));
        var page = pdf.GetPage(1);
        Assert.Equal(842, page.Width, 0);
        Assert.Equal(595, page.Height, 0);
        Assert.Equal("THỐNG KÊ TÌNH HÌNH TRIỂN KHAI SỬ DỤNG ỨNG DỤNG BLUEZONE – Tính đến ngày 17/8/2020", pdf.Information.Title);
        Assert.Equal("Sở Thông tin và Truyền thông tỉnh Sơn La", pdf.Information.Author);
        var fonts = page.Letters.Select(l => l.FontName).Distinct().ToList();
        Assert.All(fonts, f => Assert.Contains("Noto Sans", f, StringComparison.Ordinal));
    }
}
