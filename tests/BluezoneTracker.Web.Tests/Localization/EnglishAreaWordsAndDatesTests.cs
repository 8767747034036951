using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Scope;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Tests.Localization;

/// <summary>
/// Issue #14, points 6 and 7, what a fresh user still met: the area's kind untranslated in English sentences
/// ("12/12 huyện, thành phố reported"), and the upload page offering today instead of the next date to enter.
/// </summary>
public sealed class EnglishAreaWordsAndDatesTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<IDocument> PageAsync(string role, string url)
    {
        var client = await _factory.ClientForAsync(role);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    [Theory]
    [InlineData("vi-VN", "12/12 huyện, thành phố đã báo cáo ngày 17/8/2020", "Đã báo cáo: số huyện, thành phố có số liệu trong bản hiện hành.")]
    [InlineData("en-US", "12/12 districts reported on 8/17/2020", "Reported: how many districts have a count in the current revision.")]
    public async Task The_reporting_status_and_the_dates_list_name_the_districts_in_the_UI_language(string culture, string reported, string means)
    {
        var dashboard = await PageAsync(Roles.Staff, $"/?culture={culture}");
        Assert.Contains(reported, dashboard.QuerySelector("[data-testid=reporting-summary]")!.Text(), StringComparison.Ordinal);

        var dates = await PageAsync(Roles.Staff, $"/snapshots?culture={culture}");
        Assert.Contains(means, dates.QuerySelector("[data-testid=dates] caption")!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vi-VN", 1, "1/1 huyện, thành phố đã báo cáo ngày 17/8/2020")]
    [InlineData("en-US", 1, "1/1 district reported on 17/8/2020")]
    [InlineData("en-US", 0, "0/1 district reported on 17/8/2020")]
    [InlineData("en-US", 2, "2/12 districts reported on 17/8/2020")]
    public void One_child_is_one_district_and_twelve_are_districts(string culture, int reported, string expected)
    {
        var words = new AreaWords(AreaWording.For(new Area("14", "Tỉnh Sơn La", AreaKind.Province)), English());
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(expected, words.SayReported(reported, reported == 2 ? 12 : 1, "17/8/2020"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static IStringLocalizer English() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    [Theory]
    [InlineData("vi-VN", "18/8/2020")]
    [InlineData("en-US", "2020-08-18")]
    public async Task The_upload_page_offers_the_same_next_date_as_the_grid_not_today(string culture, string value)
    {
        // The seed's latest counts are of 17/8/2020; today is years later.
        foreach (var (url, field) in new[] { ("/snapshots/new", "#open-date"), ("/snapshots/upload", "input[name=Date]:not([type=hidden])") })
        {
            var page = await PageAsync(Roles.Staff, $"{url}?culture={culture}");
            var date = page.QuerySelector(field);
            Assert.True(date is not null, $"{url} has no date field");
            Assert.Equal(value, date.GetAttribute("value"));
        }
    }
}
