using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.SignOffs;

/// <summary><c>Access:PublicDashboard</c> opens the dashboard and the annex of signed-off dates, and nothing else.</summary>
public sealed class PublicDashboardTests(PublicDashboardTests.PublicFactory factory) : IClassFixture<PublicDashboardTests.PublicFactory>
{
    [Fact]
    public async Task Anonymous_readers_see_only_signed_off_dates_and_never_intake_or_admin()
    {
        var reader = factory.AnonymousClient(followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, (await reader.GetAsync(new Uri("/annex", UriKind.Relative))).StatusCode);

        var director = await factory.ClientForAsync(Roles.Director);
        await director.SubmitAsync("/annex/signoff?date=2020-08-12", "[data-testid=signoff-form]");

        var annex = await reader.GetAsync(new Uri("/annex", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, annex.StatusCode);
        var page = await Html.ParseAsync(annex);
        Assert.Equal("Tính đến ngày 12/8/2020", page.QuerySelector(".as-of")!.Text());
        Assert.StartsWith("Đã duyệt: Kiểm thử Director", page.QuerySelector("[data-testid=approved]")!.Text(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/annex.xlsx?date=2020-08-12", UriKind.Relative))).StatusCode);
        foreach (var url in new[] { "/annex?date=2020-08-17", "/annex.pdf?date=2020-08-17", "/admin", "/admin/users", "/annex/signoff?date=2020-08-17", "/account/tokens" })
        {
            var response = await reader.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} answered {(int)response.StatusCode} to an anonymous reader.");
            Assert.Equal("/account/signin", new Uri(reader.BaseAddress!, response.Headers.Location!).AbsolutePath);
        }
    }

    public sealed class PublicFactory : BluezoneAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Access:PublicDashboard"] = "true" };
    }
}
