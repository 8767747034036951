using BluezoneTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Accounts;

/// <summary>
/// A write to <c>/api</c> authenticated by the sign-in cookie must prove it comes from our own pages:
/// an <c>Origin</c> equal to this site's, or a valid anti-forgery token in the
/// <c>RequestVerificationToken</c> header. Without it a foreign page could post counts in the name of a
/// signed-in official (the cookie is sent cross-site by top-level form posts). Bearer tokens are never
/// sent by a browser on its own and need no such proof.
/// </summary>
internal static class ApiForgeryCheck
{
    public const string HeaderName = "RequestVerificationToken";

    public static IApplicationBuilder UseApiForgeryCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!ApiProblems.IsApi(request)
            || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || ApiTokenAuthentication.HasBearer(request)
            || context.User.Identity?.IsAuthenticated != true
            || SameOrigin(request)
            || await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            await next(context);
            return;
        }

        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<Localization.SharedResource>>();
        await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, localizer[
            "Yêu cầu ghi qua API bằng phiên đăng nhập phải đến từ chính trang này (Origin cùng nguồn) hoặc kèm mã chống giả mạo trong header RequestVerificationToken; chương trình hãy dùng mã API (Authorization: Bearer)."]);
    });

    /// <summary>Origin (sent by browsers on every cross-site and same-site POST) names this very site.</summary>
    internal static bool SameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0
            && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var own)
            && string.Equals(uri.Scheme, own.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, own.Authority, StringComparison.OrdinalIgnoreCase);
    }
}
