using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Tests.Infrastructure;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Pages.Admin;

/// <summary>Each kind of change an administrator makes, as the page shows it and as the audit log records it.</summary>
public sealed class AdminChangesAreAudited(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task Creating_a_user_lets_them_sign_in_with_their_role_and_is_audited()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var created = await admin.SubmitAsync("/admin/users", "[data-testid=create-user]", new Dictionary<string, string>
        {
            ["Input.UserName"] = "nguyenvana",
            ["Input.DisplayName"] = "Nguyễn Văn A",
            ["Input.Role"] = Roles.Staff,
            ["Input.Password"] = "Mat-khau@123",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var row = (await Html.ParseAsync(created)).QuerySelectorAll("[data-testid=users] tbody tr").Single(r => r.Text().Contains("nguyenvana", StringComparison.Ordinal));
        // Name, role in words, the area the account was assigned to (the admin's own area by default), status.
        Assert.Equal(["nguyenvana", "Nguyễn Văn A", "Cán bộ nhập liệu", "Tỉnh Sơn La", "Đang hoạt động"], row.QuerySelectorAll("td").Take(5).Select(c => c.Text().Trim()));

        var staff = await factory.SignInAsync("nguyenvana", "Mat-khau@123");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(new Uri("/account/tokens", UriKind.Relative))).StatusCode);

        var audit = Assert.Single(await factory.AuditAsync(AuditKinds.UserCreated), a => a.Subject == "nguyenvana");
        Assert.Equal("test-admin", audit.UserName);
        Assert.Equal("127.0.0.1", audit.IpAddress);
        Assert.Contains("\"Role\":\"Staff\"", audit.After, StringComparison.Ordinal);
        Assert.Contains(await factory.AuditAsync(AuditKinds.SignIn), a => a.UserName == "nguyenvana");
    }

    [Fact]
    public async Task A_weak_password_or_a_taken_name_is_refused_with_a_message()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var weak = await admin.SubmitAsync("/admin/users", "[data-testid=create-user]", new Dictionary<string, string>
        {
            ["Input.UserName"] = "yeu", ["Input.Role"] = Roles.Viewer, ["Input.Password"] = "abc",
        });
        Assert.Contains("Mật khẩu phải có ít nhất 8 ký tự.", (await Html.ParseAsync(weak)).QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);

        var taken = await admin.SubmitAsync("/admin/users", "[data-testid=create-user]", new Dictionary<string, string>
        {
            ["Input.UserName"] = "test-admin", ["Input.Role"] = Roles.Viewer, ["Input.Password"] = "Mat-khau@123",
        });
        Assert.Contains("Tên đăng nhập \"test-admin\" đã có người dùng.", (await Html.ParseAsync(taken)).QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.AuditAsync(AuditKinds.UserCreated), a => a.Subject == "yeu");
    }

    [Fact]
    public async Task Role_change_disable_and_password_reset_are_audited_with_before_and_after()
    {
        await factory.EnsureUserAsync("doi-vai", Roles.Viewer, SignedInClients.Password);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "doi-vai").Select(u => u.Id).SingleAsync());
        var admin = await factory.ClientForAsync(Roles.Admin);
        var url = $"/admin/users/{id}";

        await admin.SubmitAsync(url, "form[action*='handler=Role']", new Dictionary<string, string> { ["role"] = Roles.Director });
        var role = Assert.Single(await factory.AuditAsync(AuditKinds.UserRoleChanged), a => a.Subject == "doi-vai");
        Assert.Equal("{\"Role\":\"Viewer\"}", role.Before);
        Assert.Equal("{\"Role\":\"Director\"}", role.After);

        var reset = await admin.SubmitAsync(url, "form[action*='handler=Password']", new Dictionary<string, string> { ["password"] = "Moi-hon@2020" });
        Assert.Equal("Đã đặt lại mật khẩu.", (await Html.ParseAsync(reset)).QuerySelector("[data-testid=message]")!.Text());
        Assert.Single(await factory.AuditAsync(AuditKinds.PasswordReset), a => a.Subject == "doi-vai");
        await factory.SignInAsync("doi-vai", "Moi-hon@2020");

        await admin.SubmitAsync(url, "form[action*='handler=Disable']");
        var disabled = Assert.Single(await factory.AuditAsync(AuditKinds.UserDisabled), a => a.Subject == "doi-vai");
        Assert.Equal("{\"IsDisabled\":false}", disabled.Before);
        var refused = await Html.ParseAsync(await factory.AnonymousClient().TrySignInAsync("doi-vai", "Moi-hon@2020"));
        Assert.Equal("Tài khoản này đã bị vô hiệu hoá. Vui lòng liên hệ quản trị viên.", refused.QuerySelector("[data-testid=problem]")!.Text());
    }

    [Fact]
    public async Task A_population_change_shows_on_the_annex_with_its_year_and_source_and_is_audited()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var saved = await admin.SubmitAsync("/admin/areas/116", "form[method=post]:not([action])", new Dictionary<string, string>
        {
            ["Input.Population"] = "110000",
            ["Input.PopulationYear"] = "2021",
            ["Input.PopulationSource"] = "Ước tính của Cục Thống kê",
            ["EffectiveFrom"] = "2020-08-17",
        });
        Assert.Equal("/admin/areas/116", saved.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.StartsWith("Đã lưu Thành phố Sơn La (mã 116): dân số 110.000. Số mới áp dụng cho các báo cáo từ ngày 17/8/2020",
            (await Html.ParseAsync(saved)).QuerySelector("[data-testid=saved]")!.Text(), StringComparison.Ordinal);

        var annex = await Html.ParseAsync(await admin.GetAsync(new Uri("/annex?date=2020-08-17", UriKind.Relative)));
        var row = annex.QuerySelectorAll("[data-testid=annex] tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.Text()).ToArray()).Single(r => r[1] == "Thành phố Sơn La");
        Assert.Equal("110.000", row[2]);
        Assert.Contains("năm 2021, nguồn: Ước tính của Cục Thống kê", annex.QuerySelector("[data-testid=population-note]")!.Text(), StringComparison.Ordinal);

        var audit = Assert.Single(await factory.AuditAsync(AuditKinds.AreaChanged), a => a.Subject == "116");
        Assert.Contains("\"Population\":103392", audit.Before, StringComparison.Ordinal);
        Assert.Contains("\"Population\":110000", audit.After, StringComparison.Ordinal);

        // The audit page compares field with field: what changed, and nothing shown as erased (a fresh user's trial saw every field "→ —").
        var page = await Html.ParseAsync(await admin.GetAsync(new Uri("/admin/audit?kind=AreaChanged&subject=116", UriKind.Relative)));
        var changes = page.QuerySelectorAll("[data-testid=audit-changes] li").Select(li => li.Text().Trim()).ToList();
        Assert.Contains("Dân số: 103.392 → 110.000", changes);
        Assert.Contains("Năm dân số: 2019 → 2021", changes);
        Assert.Contains("Áp dụng từ ngày: 17/8/2020", changes);
        Assert.DoesNotContain(changes, c => c.EndsWith("→ —", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_target_is_appended_and_audited()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var saved = await admin.SubmitAsync("/admin/target", "form[method=post]:not([action])", new Dictionary<string, string>
        {
            ["Input.SharePercent"] = "60,5",
            ["Input.Deadline"] = "2020-09-30",
        });
        Assert.Equal("/admin/target", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var message = (await Html.ParseAsync(saved)).QuerySelector("[data-testid=saved]")!.Text();
        Assert.StartsWith("Đã lưu chỉ tiêu của Tỉnh Sơn La: 60,5 % đến ngày 30/9/2020, áp dụng cho các báo cáo từ ngày ", message, StringComparison.Ordinal);
        Assert.EndsWith("; báo cáo các ngày trước vẫn dùng chỉ tiêu cũ. Không phụ lục đã duyệt nào bị ảnh hưởng.", message, StringComparison.Ordinal);

        // No date given: the target applies from today (Vietnam time), so no report already made changes.
        var from = await factory.QueryAsync(db => db.Targets.OrderByDescending(t => t.Id).Select(t => t.EffectiveFrom).FirstAsync());
        Assert.InRange(from, DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)));

        Assert.Equal(2, await factory.QueryAsync(db => db.Targets.CountAsync()));
        var audit = Assert.Single(await factory.AuditAsync(AuditKinds.TargetChanged));
        Assert.Contains("\"SharePercent\":50", audit.Before, StringComparison.Ordinal);
        Assert.Contains("\"SharePercent\":60.5", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_settings_saved_in_the_database_replace_the_configured_ones_on_the_annex()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var page = await admin.SubmitAsync("/admin/settings", "form[method=post]:not([action])", new Dictionary<string, string> { ["Input.DocumentNumber"] = "1234" });

        // The save stays on the settings page and says what it saved.
        Assert.Equal("/admin/settings", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(
            "Đã lưu cài đặt báo cáo: Sở Thông tin và Truyền thông tỉnh Sơn La, số văn bản 1234/STTTT-TTBCXB, người ký GIÁM ĐỐC Nguyễn Đức Tĩnh. Phụ lục và các tệp tải xuống dùng ngay các giá trị này.",
            (await Html.ParseAsync(page)).QuerySelector("[data-testid=saved]")!.Text());
        var annexPage = await Html.ParseAsync(await admin.GetAsync(new Uri("/annex", UriKind.Relative)));
        Assert.Equal("(Kèm theo Công văn số: 1234/STTTT-TTBCXB ngày 17/8/2020 của Sở TT&TT)", annexPage.QuerySelector(".attachment")!.Text());
        var form = await Html.ParseAsync(await admin.GetAsync(new Uri("/admin/settings", UriKind.Relative)));
        Assert.Equal("1234", form.QuerySelector("#Input_DocumentNumber")!.GetAttribute("value"));
        Assert.Equal("Sơn La", form.QuerySelector("#Input_Place")!.GetAttribute("value"));
        var audit = Assert.Single(await factory.AuditAsync(AuditKinds.SettingsChanged));
        Assert.Contains("\"DocumentNumber\":\"\"", audit.Before, StringComparison.Ordinal);
        Assert.Contains("\"DocumentNumber\":\"1234\"", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_page_filters_by_kind_and_user()
    {
        await factory.ClientForAsync(Roles.Viewer);
        var admin = await factory.ClientForAsync(Roles.Admin);
        var page = await Html.ParseAsync(await admin.GetAsync(new Uri("/admin/audit?kind=SignIn&user=test-viewer", UriKind.Relative)));
        var rows = page.QuerySelectorAll("[data-testid=audit] tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.Text()).ToArray()).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.StartsWith("test-viewer", r[1], StringComparison.Ordinal);
            Assert.EndsWith("127.0.0.1", r[1], StringComparison.Ordinal);
            Assert.Equal("Đăng nhập thành công", r[2]);
        });

        // Dates are typed the Vietnamese way (a picker sends ISO); a date that is none is refused.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/admin/audit?from=17/8/2020&to=2020-08-18", UriKind.Relative))).StatusCode);
        var bad = await admin.GetAsync(new Uri("/admin/audit?from=2020-13-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Audit_rows_can_be_neither_changed_nor_deleted()
    {
        await factory.ClientForAsync(Roles.Viewer);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.AuditLog.FirstAsync();

        entry.UserName = "someone-else";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditLog.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        // The database's own triggers, on either provider (StoreProvider.CreateAuditTriggers).
        var update = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditLog\" SET \"UserName\" = 'x'"));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditLog\""));
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.AuditLog.CountAsync(a => a.UserName == "x"));
    }
}
