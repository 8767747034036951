using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace BluezoneTracker.Web.Localization;

/// <summary>The UI languages (Vietnamese first, English) and how a request picks one: <c>?culture=</c>, then the cookie.</summary>
public static class LocalizationSetup
{
    /// <summary>Vietnamese (the default) and English.</summary>
    public static readonly CultureInfo[] SupportedCultures =
        [CultureInfo.GetCultureInfo("vi-VN"), CultureInfo.GetCultureInfo("en-US")];

    /// <summary>Registers the resources (<see cref="SharedResource"/>) and the request's culture choice.</summary>
    public static IServiceCollection AddBluezoneLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }
}
