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

    /// <summary>The PDF's text as poppler's pdftotext reads it (test.sh installs poppler-utils).</summary>
    private static async Task<string> PdfTextAsync(string path)
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
