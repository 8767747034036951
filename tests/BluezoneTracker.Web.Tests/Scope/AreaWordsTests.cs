using System.Globalization;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Scope;
using BluezoneTracker.Web.Snapshots;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Tests.Scope;

/// <summary>The words that follow an area's kind are translated for every kind and every children's level, not only Sơn La's.</summary>
public sealed class AreaWordsTests
{
    private static IStringLocalizer English() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    [Fact]
    public void Every_template_has_English_for_every_area_kind_and_children_level()
    {
        var english = English();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            var missing = AreaWording.All
                .SelectMany(w => AreaWords.Templates.Select(t => AreaWords.Key(w, t)))
                .Distinct()
                .Where(k => english[k].ResourceNotFound)
                .ToList();
            Assert.True(missing.Count == 0, "No English for:\n" + string.Join('\n', missing));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("vi-VN", "Tỷ lệ đăng ký / dân số theo tỉnh", "Toàn quốc")]
    [InlineData("en-US", "Registrations / population by province", "Country total")]
    public void The_country_speaks_of_provinces_in_both_languages(string culture, string title, string whole)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var words = new AreaWords(AreaWording.For(new Area("VN", "Việt Nam", AreaKind.Country)), English());
            Assert.Equal(title, words.Say(AreaWords.RateChartTitle));
            Assert.Equal(whole, words.Say(AreaWords.Whole));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
