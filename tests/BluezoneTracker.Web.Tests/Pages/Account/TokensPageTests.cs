using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Pages.Account;

/// <summary>The token page (a fresh user's trial, round 8, point 6): an empty list says so; a list is cards on a phone.</summary>
public sealed class TokensPageTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Without_tokens_the_page_says_there_are_none_instead_of_an_empty_table()
    {
        var staff = await _factory.ClientForAsync(Roles.Staff);
        var page = await Html.ParseAsync(await staff.GetAsync(new Uri("/account/tokens", UriKind.Relative)));

        Assert.StartsWith("Chưa có mã truy cập nào.", page.QuerySelector("[data-testid=no-tokens]")!.Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=tokens]"));

        var english = await Html.ParseAsync(await staff.GetAsync(new Uri("/account/tokens?culture=en-US", UriKind.Relative)));
        Assert.StartsWith("No access tokens yet.", english.QuerySelector("[data-testid=no-tokens]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_created_token_is_listed_with_each_cell_labelled_by_its_column()
    {
        var staff = await _factory.ClientForAsync(Roles.Staff);
        var created = await staff.SubmitAsync("/account/tokens", "form[action*='handler=Create']", new Dictionary<string, string> { ["Input.Name"] = "phan-mem-huyen", ["Input.Days"] = "30" });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var page = await Html.ParseAsync(created);
        Assert.Null(page.QuerySelector("[data-testid=no-tokens]"));
        var row = page.QuerySelector("[data-testid=tokens] tbody tr")!;
        Assert.Equal("phan-mem-huyen", row.QuerySelector("td")!.Text());
        Assert.Equal(["Bắt đầu bằng", "Tạo lúc", "Hết hạn", "Dùng lần cuối", "Trạng thái"], row.QuerySelectorAll("td[data-label]").Select(td => td.GetAttribute("data-label")!));
        Assert.Equal("Chưa dùng", row.QuerySelector("td[data-label='Dùng lần cuối']")!.Text());
    }
}
