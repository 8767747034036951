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
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));

        // Model binding's own messages ("The value 'abc' is not valid…") in the UI language too.
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            var localizer = factory.Create(typeof(SharedResource));
            var messages = o.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => localizer["Giá trị \"{0}\" không hợp lệ.", value]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer["Giá trị \"{0}\" không hợp lệ.", value]);
            messages.SetUnknownValueIsInvalidAccessor(_ => localizer["Giá trị đã nhập không hợp lệ."]);
            messages.SetValueMustBeANumberAccessor(_ => localizer["Giá trị đã nhập phải là số."]);
            messages.SetValueMustNotBeNullAccessor(value => localizer["Giá trị \"{0}\" không hợp lệ.", value]);
        });
        return services;
    }

    public static WebApplication MapBluezonePages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
