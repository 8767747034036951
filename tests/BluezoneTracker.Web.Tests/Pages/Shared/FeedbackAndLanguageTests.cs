using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Pages.Shared;

/// <summary>What a page says back: dates without counts, password rules before they are broken, the language kept from a link.</summary>
public sealed class FeedbackAndLanguageTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task A_valid_date_without_counts_says_so_and_links_to_entering_them()
    {
        var staff = await factory.ClientForAsync(Roles.Staff);
        var response = await staff.GetAsync(new Uri("/snapshots/2020-08-15", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Chưa có số liệu nào cho ngày 15/8/2020.", page.QuerySelector("[data-testid=no-counts]")!.Text(), StringComparison.Ordinal);
        Assert.Equal("/snapshots/new?date=2020-08-15", page.QuerySelector("[data-testid=enter-counts]")!.GetAttribute("href"));

        // In Vietnamese the field reads d/M/yyyy (a calendar button beside it fills it in).
        var grid = await Html.ParseAsync(await staff.GetAsync(new Uri("/snapshots/new?date=2020-08-15", UriKind.Relative)));
        Assert.Equal("15/8/2020", grid.QuerySelector("#open-date")!.GetAttribute("value"));
        Assert.Equal("text", grid.QuerySelector("#open-date")!.GetAttribute("type"));
        Assert.NotNull(grid.QuerySelector("#open-date[data-date-field]"));
    }

    [Fact]
    public async Task The_grid_proposes_the_day_after_the_latest_counts()
    {
        var staff = await factory.ClientForAsync(Roles.Staff);
        var grid = await Html.ParseAsync(await staff.GetAsync(new Uri("/snapshots/new", UriKind.Relative)));
        Assert.Equal("18/8/2020", grid.QuerySelector("#open-date")!.GetAttribute("value"));
    }

    [Fact]
    public async Task New_user_form_states_the_password_rules_before_they_are_broken()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var page = await Html.ParseAsync(await admin.GetAsync(new Uri("/admin/users", UriKind.Relative)));
        Assert.Equal("password-rules", page.QuerySelector("#Input_Password")!.GetAttribute("aria-describedby"));
        Assert.StartsWith("Ít nhất 8 ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt", page.QuerySelector("[data-testid=password-rules]")!.Text(), StringComparison.Ordinal);

        var created = await admin.SubmitAsync("/admin/users", "[data-testid=create-user]", new Dictionary<string, string>
        {
            ["Input.UserName"] = "canbo2",
            ["Input.DisplayName"] = "Cán bộ hai",
            ["Input.Role"] = Roles.Staff,
            ["Input.Password"] = "Sonla@2020",
        });
        Assert.Equal("/admin/users", created.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Đã tạo tài khoản canbo2 với vai trò Cán bộ nhập liệu.", (await Html.ParseAsync(created)).QuerySelector("[data-testid=saved]")!.Text());
    }

    [Fact]
    public async Task Culture_in_a_link_is_remembered_and_english_sentences_carry_english_numbers_and_dates()
    {
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        await viewer.GetAsync(new Uri("/?culture=en-US", UriKind.Relative));

        var page = await Html.ParseAsync(await viewer.GetAsync(new Uri("/?date=2020-08-17&compare=2020-08-12", UriKind.Relative)));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("84,126", page.QuerySelector("[data-testid=total-registrations]")!.Text());
        Assert.Equal("13.5 % of the target", page.QuerySelector("[data-testid=target-progress]")!.Text().Trim());
        Assert.Contains("8/17/2020", page.QuerySelector("[data-testid=as-of]")!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("ngày", page.QuerySelector("main")!.Text(), StringComparison.Ordinal);

        // The official annex stays Vietnamese.
        var annex = await Html.ParseAsync(await viewer.GetAsync(new Uri("/annex?date=2020-08-17", UriKind.Relative)));
        Assert.Equal("Tính đến ngày 17/8/2020", annex.QuerySelector("[data-testid=annex] .as-of")!.Text());
        Assert.Contains("1.248.415", annex.QuerySelector("[data-testid=annex]")!.Text(), StringComparison.Ordinal);
    }
}
