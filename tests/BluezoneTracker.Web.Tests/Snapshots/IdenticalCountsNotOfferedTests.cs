using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>
/// A preview whose counts equal the date's current revision does not offer "Xác nhận và lưu" (the save would be
/// refused as UnchangedCounts): it says so at the preview.
/// </summary>
public sealed class IdenticalCountsNotOfferedTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task The_same_counts_as_the_current_revision_are_said_at_the_preview_and_not_offered_to_save()
    {
        var client = await factory.ClientForAsync(Roles.Staff);
        var (_, first) = await IntakeClient.PreviewAsync(client, "18/8/2020", "dia-phuong.xlsx", IntakeClient.Corpus("Cases/24-header-dia-phuong.xlsx"));
        var saved = await IntakeClient.ConfirmAsync(client, first, confirmWarnings: true);
        Assert.Equal("/snapshots/2020-08-18", saved.RequestMessage!.RequestUri!.AbsolutePath);

        // Another file with the very same counts for the same date.
        var (response, again) = await IntakeClient.PreviewAsync(client, "18/8/2020", "ghi-chu.xlsx", IntakeClient.Corpus("Cases/06-libreoffice-cell-comment.xlsx"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Không có ô nào khác bản đang dùng.", again.QuerySelector("[data-testid=changes-from-current]")!.TextContent.Trim());
        Assert.Null(again.QuerySelector("[data-testid=confirm-form]"));
        Assert.StartsWith("Số liệu giống hệt bản hiện hành #1 của ngày này", again.QuerySelector("[data-testid=same-as-current]")!.TextContent.Trim(), StringComparison.Ordinal);
    }
}
