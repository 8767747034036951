using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Security;

/// <summary>
/// A fresh user's trial (round 8, point 5): a form posted with a missing or invalid anti-forgery token (a page left open
/// past the session, an old copy) got a bare "Yêu cầu không hợp lệ". It is still a 400 and nothing is saved, and the page
/// says why and what to do.
/// </summary>
public sealed class StaleFormTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private const string Stale = "Biểu mẫu này đã cũ hoặc phiên đăng nhập đã hết hạn nên yêu cầu bị từ chối; chưa lưu gì. Hãy tải lại trang rồi thử lại.";

    private static FormUrlEncodedContent Settings(string? token)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.AgencyName"] = "Cơ quan mới",
            ["Input.AgencyShortName"] = "Mới",
            ["Input.DocumentCode"] = "MOI",
            ["Input.SignerTitle"] = "GIÁM ĐỐC",
        };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return new FormUrlEncodedContent(fields);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("CfDJ8-het-han")]
    public async Task A_form_without_a_valid_token_says_it_is_stale_and_nothing_was_saved(string? token)
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var response = await admin.PostAsync(new Uri("/admin/settings", UriKind.Relative), Settings(token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Stale, (await Html.ParseAsync(response)).QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.Empty(await factory.AuditAsync(AuditKinds.SettingsChanged));
    }

    [Fact]
    public async Task The_sign_in_form_of_an_expired_page_says_the_same_in_English_too()
    {
        using var anonymous = factory.CreateClient();
        var response = await anonymous.PostAsync(new Uri("/account/signin?culture=en-US", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "canbo",
            ["Input.Password"] = "Bluezone@2020",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(
            "This form is out of date or your session has expired, so the request was refused; nothing was saved. Reload the page and try again.",
            (await Html.ParseAsync(response)).QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }
}
