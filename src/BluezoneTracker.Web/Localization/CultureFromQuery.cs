using Microsoft.AspNetCore.Localization;

namespace BluezoneTracker.Web.Localization;

/// <summary>
/// A link with <c>?culture=en-US</c> is remembered like the language switch: the next page without the
/// parameter stays in that language (the same cookie, a year long). An unknown culture is ignored, as
/// the request localization ignores it.
/// </summary>
public static class CultureFromQuery
{
    public static IApplicationBuilder RememberCultureFromQuery(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var asked = context.Request.Query["culture"].ToString();
            if (asked.Length == 0)
            {
                asked = context.Request.Query["ui-culture"].ToString();
            }

            var chosen = LocalizationSetup.SupportedCultures.FirstOrDefault(c => string.Equals(c.Name, asked, StringComparison.OrdinalIgnoreCase));
            if (chosen is not null)
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
            }

            await next(context);
        });
}
