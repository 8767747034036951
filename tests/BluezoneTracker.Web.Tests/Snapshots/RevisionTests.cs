using System.Net;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Snapshots;

public sealed class RevisionTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Counts_for_a_date_that_has_counts_need_a_reason_and_become_a_new_revision_with_its_differences()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var (_, page) = await IntakeClient.PreviewAsync(client, "2020-08-17", "sua.csv", IntakeClient.Corpus("template-utf8-bom-comma.csv"));
        Assert.Equal("Thay đổi so với bản #1 đang dùng", page.QuerySelector("[data-testid=preview] h3")!.Text());

        var refused = await Html.ParseAsync(await IntakeClient.ConfirmAsync(client, page));
        Assert.Contains("Ngày này đã có số liệu; hãy ghi lý do", refused.QuerySelector("[data-testid=problems]")!.Text(), StringComparison.Ordinal);

        var saved = await Html.ParseAsync(await IntakeClient.ConfirmAsync(client, refused, reason: "Huyện gửi lại số liệu"));
        var revisions = saved.QuerySelectorAll("[data-testid=revision]").ToList();
        Assert.Equal(["2", "1"], revisions.Select(r => r.GetAttribute("data-number")));
        Assert.Equal("Huyện gửi lại số liệu", revisions[0].QuerySelector("[data-testid=reason]")!.Text());
        var changes = revisions[0].QuerySelectorAll("[data-testid=cell-changes] tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(13, changes.Count);
        Assert.Contains("Thành phố Sơn La 21.106 21.206", changes);
        Assert.Contains("Số thuê bao chưa xác định được huyện 27 30", changes);
        Assert.Equal(84126 + 1203, await AnnexTotal(client, "2020-08-17"));
    }

    [Fact]
    public async Task An_earlier_revision_is_restored_as_a_new_revision()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var (_, page) = await IntakeClient.PreviewAsync(client, "2020-08-17", "sua.csv", IntakeClient.Corpus("template-utf8-bom-comma.csv"));
        var history = await Html.ParseAsync(await IntakeClient.ConfirmAsync(client, page, reason: "Số mới"));
        Assert.Equal(85329, await AnnexTotal(client, "2020-08-17"));

        var withoutReason = await IntakeClient.PostFormAsync(client, history, "[data-testid=restore-form]", "/snapshots/2020-08-17?handler=Restore",
            new Dictionary<string, string> { ["number"] = "1", ["reason"] = string.Empty });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutReason.StatusCode);
        Assert.Equal(85329, await AnnexTotal(client, "2020-08-17"));

        var restored = await Html.ParseAsync(await IntakeClient.PostFormAsync(client, history, "[data-testid=restore-form]", "/snapshots/2020-08-17?handler=Restore",
            new Dictionary<string, string> { ["number"] = "1", ["reason"] = "Số mới bị nhầm" }));
        var current = restored.QuerySelector("[data-testid=revision]")!;
        Assert.Equal("3", current.GetAttribute("data-number"));
        Assert.Equal("Khôi phục", current.QuerySelector("[data-testid=source]")!.Text());
        Assert.Equal("Khôi phục bản #1: Số mới bị nhầm", current.QuerySelector("[data-testid=reason]")!.Text());
        Assert.Equal(3, restored.QuerySelectorAll("[data-testid=revision]").Length);
        Assert.Equal(84126, await AnnexTotal(client, "2020-08-17"));
    }

    [Fact]
    public async Task A_date_without_counts_has_no_history() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await _factory.ClientForAsync(Roles.Staff)).GetAsync(new Uri("/snapshots/2020-08-01", UriKind.Relative))).StatusCode);

    private static async Task<long> AnnexTotal(HttpClient client, string date) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/annex?date={date}", UriKind.Relative)))
            .RootElement.GetProperty("total").GetProperty("registrations").GetInt64();
}
