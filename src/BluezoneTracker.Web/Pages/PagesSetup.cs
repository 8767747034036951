using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Localization;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages;

/// <summary>
/// The Razor pages: their routes, who may open which folder (<see cref="AccountSetup.ApplyAccessConventions"/>),
/// their texts in the UI language. Pages use the feature folders, never the reverse (docs/decisions/060).
/// </summary>
internal static class PagesSetup
{
    public static IServiceCollection AddBluezonePages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            {
                o.Conventions.AddPageRoute("/Dashboard/Index", string.Empty);
                AccountSetup.ApplyAccessConventions(o.Conventions);
            })
            .AddMvcOptions(o => o.Filters.Add<StaleFormMessage>())
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));

        // Every validation message in the UI language: model binding's own and the attributes' defaults (one place).
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
            ValidationMessages.UseUiLanguage(o, factory.Create(typeof(SharedResource))));
        return services;
    }

    public static WebApplication MapBluezonePages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
