using System.Diagnostics;
using BluezoneTracker.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BluezoneTracker.Browser.Tests;

/// <summary>The official annex as a director prints it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnnexInTheBrowser(BrowserFixture app)
{
    [Fact]
    public async Task Annex_prints_to_a_pdf_with_the_annex_text()
    {
        var page = await app.NewPageAsync();
        var watch = new PageWatch(page, app.BaseAddress);
        await page.GotoAsync("/Annex?date=2020-08-17&compare=2020-08-12", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", Landscape = true, PrintBackground = true });
        var path = Path.Combine(BrowserFixture.ArtifactsFolder, "annex.pdf");
        await File.WriteAllBytesAsync(path, pdf);

        Assert.Empty(watch.Problems);
        Assert.Empty(watch.ForeignRequests);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var text = await PdfTextAsync(path);
        Assert.Contains("THỐNG KÊ TÌNH HÌNH TRIỂN KHAI SỬ DỤNG ỨNG DỤNG BLUEZONE", text, StringComparison.Ordinal);
        Assert.Contains("Tính đến ngày 17/8/2020", text, StringComparison.Ordinal);
        Assert.Contains("84.126", text, StringComparison.Ordinal);
        Assert.Contains("Huyện Vân Hồ", text, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Annex_printed_from_the_browser_is_one_A4_landscape_page_without_banner_navigation_or_buttons()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/annex?date=2020-08-17&compare=2020-08-12", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("[data-testid=print-annex]")).ToBeVisibleAsync();

        // As the browser's print dialog does: the page's own @page size (A4 landscape) and margins.
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        var path = Path.Combine(BrowserFixture.ArtifactsFolder, "annex-printed.pdf");
        await File.WriteAllBytesAsync(path, pdf);

        var info = await RunAsync("pdfinfo", path);
        Assert.Matches(@"Pages:\s+1
", info);
        Assert.Matches(@"Page size:\s+841\.\d+ x 59[45]\.\d+ pts", info);
        var text = await PdfTextAsync(path);
        Assert.Contains("TOÀN TỈNH", text, StringComparison.Ordinal);
        Assert.Contains("Dân số dùng để tính tỷ lệ", text, StringComparison.Ordinal);
        foreach (var absent in new[] { "Tổng quan", "Bản trình diễn", "In phụ lục", "Excel (.xlsx)", "Câu tóm tắt", "Đăng xuất" })
        {
            Assert.DoesNotContain(absent, text, StringComparison.Ordinal);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Printed_area_names_look_like_the_official_tables_text_not_links()
    {
        // A fresh user's trial (round 8): the printed annex showed the area names blue and underlined.
        var page = await app.NewPageAsync();
        await page.GotoAsync("/annex?date=2020-08-17&compare=2020-08-12", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var link = page.Locator("[data-testid=area-link]").First;
        const string Style = "a => { const s = getComputedStyle(a), cell = getComputedStyle(a.closest('td')); return [s.color, cell.color, s.textDecorationLine]; }";
        var screen = await link.EvaluateAsync<string[]>(Style);
        Assert.NotEqual(screen[1], screen[0]);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var printed = await link.EvaluateAsync<string[]>(Style);
        Assert.Equal(printed[1], printed[0]);
        Assert.Equal("none", printed[2]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Annex_has_its_own_date_pickers_and_the_navbar_link_keeps_the_dates_in_view()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/?date=2020-08-15&compare=2020-08-12");
        await page.ClickAsync("[data-testid=nav-annex]");
        await page.WaitForDocumentWithAsync("/annex");
        Assert.Contains("date=2020-08-15", page.Url, StringComparison.Ordinal);
        Assert.Contains("compare=2020-08-12", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid=annex] .as-of")).ToHaveTextAsync("Tính đến ngày 15/8/2020");

        await page.SelectOptionAsync("#date", "2020-08-17");
        await page.WaitForDocumentWithAsync("date=2020-08-17");
        await Assertions.Expect(page.Locator("[data-testid=annex] .as-of")).ToHaveTextAsync("Tính đến ngày 17/8/2020");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Annex_shows_every_line_of_the_seed_once_in_order_as_one_table(int width)
    {
        var page = await app.NewPageAsync(width, 800);
        await page.GotoAsync("/annex?date=2020-08-17&compare=2020-08-12", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        var table = await AnnexGeometry.ReadAsync(page);
        Assert.Single(table.Blocks);
        AnnexGeometry.AssertEveryLineOnceInOrder(table, SonLaLines);
        AnnexGeometry.AssertLinesUpAsOneTable(table);
        await page.Context.CloseAsync();
    }

    /// <summary>Sơn La's 12 districts, the registrations without a district, and the province's total.</summary>
    private const int SonLaLines = 14;

    [Fact]
    public async Task Annex_has_no_serious_or_critical_accessibility_violations()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Annex");

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Copy_button_puts_the_dispatch_summary_sentence_on_the_clipboard()
    {
        var page = await app.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync("/Annex?date=2020-08-17&compare=2020-08-12");

        var button = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Chép câu tóm tắt" });
        await button.ClickAsync();
        await Assertions.Expect(page.Locator("[data-copy-status]")).ToHaveTextAsync("Đã chép câu tóm tắt.");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.StartsWith("Theo thống kê, tính đến ngày 17/8/2020, toàn tỉnh Sơn La có 84.126 lượt cài đặt", copied, StringComparison.Ordinal);
        Assert.EndsWith("tăng 19.867 lượt so với thống kê ngày 12/8/2020.", copied, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    /// <summary>The PDF's text as poppler's pdftotext reads it (test.sh installs poppler-utils).</summary>
    internal static async Task<string> PdfTextAsync(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
