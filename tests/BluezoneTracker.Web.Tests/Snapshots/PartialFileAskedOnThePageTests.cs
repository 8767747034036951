using System.Net;
using System.Text;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>
/// A file with only some districts of a date that has counts: the upload page asks replace or update in its own
/// words, shows no totals of a choice not made, and keeps the file across the question.
/// </summary>
public sealed class PartialFileAskedOnThePageTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private static readonly byte[] Partial = Encoding.UTF8.GetBytes("Huyện,Số đăng ký\nThành phố Sơn La,21.500\nHuyện Mộc Châu,11.600\nChưa xác định,27\n");

    [Fact]
    public async Task The_page_asks_in_the_words_of_its_select_and_shows_no_replace_preview()
    {
        var client = await factory.ClientForAsync(Roles.Staff);
        var (response, page) = await IntakeClient.PreviewAsync(client, "17/8/2020", "partial.csv", Partial);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = Assert.Single(page.QuerySelectorAll("[data-testid=problems] li")).TextContent;
        Assert.Contains("\"Thay thế cả ngày (huyện không có trong tệp sẽ không còn số liệu)\"", problem, StringComparison.Ordinal);
        Assert.Contains("\"Chỉ cập nhật các huyện có trong tệp\"", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("(replace)", problem, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=preview-total]"));
        Assert.Null(page.QuerySelector("[data-testid=confirm-form]"));
        Assert.NotNull(page.QuerySelector("[data-testid=choose-form] [data-testid=choose-mode]"));
    }

    [Fact]
    public async Task The_kept_file_is_read_again_with_the_mode_chosen_without_choosing_the_file_again()
    {
        var client = await factory.ClientForAsync(Roles.Staff);
        var (_, asking) = await IntakeClient.PreviewAsync(client, "17/8/2020", "partial.csv", Partial);
        var token = asking.QuerySelector("[data-testid=choose-form] input[name=Token]")!.GetAttribute("value")!;

        var chosen = await IntakeClient.PostFormAsync(client, asking, "[data-testid=choose-form]", "/snapshots/upload?handler=Preview",
            new Dictionary<string, string> { ["Token"] = token, ["Mode"] = "update" });
        var preview = await Html.ParseAsync(chosen);

        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal("update", preview.QuerySelector("[data-testid=confirm-form] input[name=Mode]")!.GetAttribute("value"));
        Assert.NotEqual("13.710", preview.QuerySelector("[data-testid=preview-total]")!.TextContent.Trim());
    }
}
