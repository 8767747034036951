using System.Net.Http.Headers;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Pages.Admin;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Pages.Admin;

/// <summary>The audit page as a history: the kind in words, who, when, what changed with names; the JSON one click away.</summary>
public sealed class AuditLogReadsAsAHistory(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private static readonly Dictionary<string, string> Names = new() { ["123"] = "Huyện Mộc Châu", ["116"] = "Thành phố Sơn La" };

    [Fact]
    public void Changed_counts_are_named_and_formatted_and_unchanged_ones_left_out()
    {
        var changes = AuditChanges.Describe(
            """{"Number":1,"Unassigned":15,"Counts":{"123":11346,"116":21106}}""",
            """{"Number":2,"Source":"Form","Unassigned":15,"Counts":{"123":11400,"116":21106}}""",
            code => Names.GetValueOrDefault(code),
            label => label);

        Assert.Equal(
            ["Lần nhập: 1 → 2", "Nguồn: (mới) Form", "Huyện Mộc Châu: 11.346 → 11.400"],
            changes.Select(c => c.Before is null ? $"{c.Label}: (mới) {c.After}" : $"{c.Label}: {c.Before} → {c.After}"));
    }

    [Fact]
    public void A_creation_lists_its_values_and_text_that_is_not_json_is_kept_as_it_is()
    {
        var created = AuditChanges.Describe(null, """{"Name":"Huyện Mường Lát","Population":null}""", _ => null, label => label);
        Assert.Equal([new AuditChange("Tên", null, "Huyện Mường Lát")], created);

        var text = AuditChanges.Describe(null, "not json", _ => null, label => label);
        Assert.Equal("not json", Assert.Single(text).After);
    }

    [Fact]
    public async Task Audit_page_shows_a_new_revision_as_named_changes_with_the_json_behind_a_click()
    {
        var staff = await factory.ApiClientAsync(Roles.Staff);
        var csv = "Mã,\"Huyện, Thành phố\",Số Bluezone đã đăng ký số điện thoại\n"
            + string.Join('\n', Core.Seed.SonLa.OnReportDate.Registrations.Select(kv => $"{kv.Key},,{(kv.Key == "123" ? kv.Value + 54 : kv.Value)}")) + "\n";
        using var body = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        // Every district but no unassigned row: mode=update keeps the date's unassigned count (without a mode it is asked).
        var posted = await staff.PostAsync(new Uri("/api/snapshots/2020-08-17?reason=S%E1%BB%ADa%20M%E1%BB%99c%20Ch%C3%A2u&mode=update", UriKind.Relative), body);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());

        var admin = await factory.ClientForAsync(Roles.Admin);
        var page = await Html.ParseAsync(await admin.GetAsync(new Uri("/admin/audit?kind=RevisionAdded", UriKind.Relative)));
        var row = page.QuerySelectorAll("[data-testid=audit] tbody tr")[0];
        var cells = row.QuerySelectorAll("td").Select(c => c.Text()).ToList();
        Assert.Equal("Đã thêm bản số liệu", cells[2]);
        Assert.StartsWith("Tỉnh Sơn La (14) 2020-08-17", cells[3], StringComparison.Ordinal);
        var changes = row.QuerySelectorAll("[data-testid=audit-changes] li").Select(li => li.Text()).ToList();
        Assert.Contains("Huyện Mộc Châu: 11.346 → 11.400", changes);
        Assert.DoesNotContain(changes, c => c.StartsWith("Thành phố Sơn La", StringComparison.Ordinal));
        Assert.DoesNotContain(changes, c => c.Contains("chưa xác định", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(row.QuerySelector("details code.audit-json"));
        Assert.DoesNotContain("\"123\"", string.Join(' ', changes), StringComparison.Ordinal);
    }
}
