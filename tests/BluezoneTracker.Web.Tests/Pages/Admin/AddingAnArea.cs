using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Tests.Pages.Admin;

/// <summary>An administrator adds a district: it shows at once everywhere, as missing from the snapshots, and the change is audited.</summary>
public sealed class AddingAnArea(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private static Dictionary<string, string> MuongLat(string code) => new()
    {
        ["Input.Code"] = code,
        ["Input.Name"] = "Huyện Mường Lát",
        ["Input.Kind"] = "RuralDistrict",
        ["Input.Population"] = "40000",
        ["Input.PopulationYear"] = "2019",
        ["Input.PopulationSource"] = "Tổng điều tra dân số 2019",
    };

    [Fact]
    public async Task The_form_offers_the_deployments_area_as_parent()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var page = await Html.ParseAsync(await admin.GetAsync(new Uri("/admin/areas/new", UriKind.Relative)));

        var parent = (AngleSharp.Html.Dom.IHtmlSelectElement)page.QuerySelector("#Input_ParentCode")!;
        Assert.Equal("14", parent.Value);
        Assert.Equal("Tỉnh Sơn La (14)", parent.SelectedOptions[0].Text());
        Assert.Equal("RuralDistrict", ((AngleSharp.Html.Dom.IHtmlSelectElement)page.QuerySelector("#Input_Kind")!).Value);
        var list = await Html.ParseAsync(await admin.GetAsync(new Uri("/admin/areas", UriKind.Relative)));
        Assert.Equal("/admin/areas/new", list.QuerySelector("[data-testid=add-area]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_new_district_shows_on_the_dashboard_and_the_annex_as_missing_from_the_snapshot_and_is_audited()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var dashboardBefore = await Html.ParseAsync(await admin.GetAsync(new Uri("/", UriKind.Relative)));
        Assert.DoesNotContain("Mường Lát", dashboardBefore.Body!.Text(), StringComparison.Ordinal);

        var added = await admin.SubmitAsync("/admin/areas/new", "[data-testid=new-area]", MuongLat("129"));
        Assert.Equal("/admin/areas", added.RequestMessage!.RequestUri!.AbsolutePath);
        var list = await Html.ParseAsync(added);
        Assert.Equal("Đã thêm địa bàn Huyện Mường Lát (mã 129).", list.QuerySelector("[data-testid=message]")!.Text());
        Assert.StartsWith("129 Huyện Mường Lát 40.000 2019 Tổng điều tra dân số 2019", list.QuerySelector("tr[data-code='129']")!.Text().Trim(), StringComparison.Ordinal);

        // The cached figures were evicted: the district is there at once, without counts.
        var dashboard = await Html.ParseAsync(await admin.GetAsync(new Uri("/", UriKind.Relative)));
        Assert.Contains("Huyện Mường Lát: không có số liệu ngày 17/8/2020.", dashboard.QuerySelector("[data-testid=warnings]")!.Text(), StringComparison.Ordinal);

        var annexResponse = await admin.GetAsync(new Uri("/annex?date=2020-08-17", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, annexResponse.StatusCode);
        var annex = await Html.ParseAsync(annexResponse);
        var row = annex.QuerySelectorAll("[data-testid=annex] tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.Text().Trim()).ToArray()).Single(r => r.Length > 1 && r[1] == "Huyện Mường Lát");
        Assert.Equal("40.000", row[2]);
        Assert.Contains("Huyện Mường Lát: không có số liệu ngày 17/8/2020.", annex.QuerySelector("[data-testid=warnings]")!.Text(), StringComparison.Ordinal);
        foreach (var download in new[] { "/annex.xlsx?date=2020-08-17", "/annex.pdf?date=2020-08-17", "/annex.csv?date=2020-08-17", "/api/annex?date=2020-08-17" })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri(download, UriKind.Relative))).StatusCode);
        }

        var audit = Assert.Single(await factory.AuditAsync(AuditKinds.AreaCreated), a => a.Subject == "129");
        Assert.Equal("test-admin", audit.UserName);
        Assert.Null(audit.Before);
        Assert.Contains("\"Name\":\"Huyện Mường Lát\"", audit.After, StringComparison.Ordinal);
        Assert.Contains("\"ParentCode\":\"14\"", audit.After, StringComparison.Ordinal);
        Assert.Contains("\"Population\":40000", audit.After, StringComparison.Ordinal);

        var auditPage = await Html.ParseAsync(await admin.GetAsync(new Uri("/admin/audit?kind=AreaCreated", UriKind.Relative)));
        Assert.Contains("Đã thêm địa bàn", auditPage.QuerySelector("[data-testid=audit] tbody")!.Text(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "Input.Code", "116", "Mã 116 đã được dùng cho Thành phố Sơn La." },
        { "Input.Code", "", "Vui lòng nhập mã địa bàn." },
        { "Input.Code", "ML-1", "Mã địa bàn là mã hành chính của Tổng cục Thống kê: chỉ gồm chữ số (ví dụ 116)." },
        { "Input.Name", "", "Vui lòng nhập tên địa bàn." },
        { "Input.Name", "Huyện " + new string('L', 200), "Tên địa bàn dài quá 200 ký tự." },
        { "Input.Name", "Mường Lát", "Tên chính thức cần có tiền tố cấp hành chính, ví dụ \"Huyện Mường Lát\"." },
        { "Input.Name", "Huyện Moc Chau", "Địa bàn cấp trên đã có Huyện Mộc Châu (mã 123); hai tên giống nhau không phân biệt được khi nhập số liệu." },
        { "Input.Population", "-5", "Dân số phải là số nguyên không âm." },
        { "Input.Population", "9000000000000000000", "Dân số phải là số nguyên không âm." }, // #15: was a 500 (Range(int, int) overflowed)
        { "Input.Population", "nhiều", "Giá trị \"nhiều\" của Dân số không hợp lệ." },
        { "Input.SmartphoneOwners", "-1", "Số người dùng điện thoại thông minh phải là số nguyên không âm." },
        { "Input.PopulationSource", "", "Vui lòng nhập năm và nguồn của số dân số." },
        { "Input.ParentCode", "99", "Không tìm thấy địa bàn cấp trên có mã \"99\"." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Bad_input_is_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var areas = await factory.QueryAsync(db => db.Areas.CountAsync());
        var values = MuongLat("130");
        values[field] = value;

        var response = await admin.SubmitAsync("/admin/areas/new", "[data-testid=new-area]", values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await Html.ParseAsync(response)).QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(areas, await factory.QueryAsync(db => db.Areas.CountAsync()));
        Assert.DoesNotContain(await factory.AuditAsync(AuditKinds.AreaCreated), a => a.Subject == "130");
    }

    [Fact]
    public async Task Messages_are_in_english_when_english_is_chosen()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var values = MuongLat("116");
        values["Input.Population"] = "-5";

        var response = await admin.SubmitAsync("/admin/areas/new?culture=en-US", "[data-testid=new-area]", values);

        var problem = (await Html.ParseAsync(response)).QuerySelector("[data-testid=problem]")!.Text();
        Assert.Contains("The population must be a non-negative whole number.", problem, StringComparison.Ordinal);
        var duplicate = await admin.SubmitAsync("/admin/areas/new?culture=en-US", "[data-testid=new-area]", MuongLat("116"));
        Assert.Contains("Code 116 is already used by Thành phố Sơn La.", (await Html.ParseAsync(duplicate)).QuerySelector("[data-testid=problem]")!.Text(), StringComparison.Ordinal);
    }
}
