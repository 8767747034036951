using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>
/// The upload page names its own boxes when it asks which sheet or column ("ở ô \"Trang tính\" bên dưới"), never the
/// API's parameters or the command line's options (sheet=, --column), which stay in the API's and the CLI's messages.
/// </summary>
public sealed class PageChoicesInPageWordsTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Theory]
    [InlineData("Cases/04b-one-sheet-per-day-active-last.xlsx", "hãy chọn trang cần đọc ở ô \"Trang tính\" bên dưới.")]
    [InlineData("Cases/04-hidden-first-sheet-yesterday.xlsx", "hãy chọn nó ở ô \"Trang tính\" bên dưới, hoặc sửa ngày.")]
    [InlineData("Cases/05b-two-day-columns-one-header-row.xlsx", "hãy chọn cột cần đọc ở ô \"Cột số đăng ký\" bên dưới.")]
    public async Task The_page_asks_with_its_own_boxes(string file, string words)
    {
        var client = await factory.ClientForAsync(Roles.Staff);
        var (_, page) = await IntakeClient.PreviewAsync(client, "19/8/2020", "so-lieu.xlsx", IntakeClient.Corpus(file));

        var problems = page.QuerySelector("[data-testid=problems]")!.TextContent;
        Assert.Contains(words, problems, StringComparison.Ordinal);
        Assert.DoesNotContain("sheet=", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("--", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("API", problems, StringComparison.Ordinal);
    }
}
