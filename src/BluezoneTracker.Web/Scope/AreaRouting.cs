using BluezoneTracker.Web.Infrastructure;
using BluezoneTracker.Web.Localization;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Scope;

/// <summary>
/// Makes every page, download and endpoint reachable per area without declaring each route twice:
/// <c>/areas/{code}/rest</c> becomes the path base <c>/areas/{code}</c> and the path <c>/rest</c> (so every
/// link a page generates stays in the area), and <c>/api/areas/{code}/rest</c> becomes <c>/api/rest</c>.
/// The plain routes serve the deployment area, or the area of <c>?area=</c>. The area is then resolved once
/// into the request's <see cref="AreaScope"/>; an unknown code ends the request with a 404 naming it,
/// before any handler runs (so nothing is written). See docs/decisions/040.
/// </summary>
public static class AreaRouting
{
    /// <summary>The first segment of an area's routes.</summary>
    public const string Segment = AreaPrefix.Segment;

    /// <summary>The query parameter naming an area on the plain routes.</summary>
    public const string QueryName = "area";

    /// <summary>
    /// Resolves the request's area once, after authentication: the route's or query's code, else the signed-in
    /// account's own area, else the deployment area. An unknown code is a 404 naming it; an area outside the
    /// account's subtree is a 403 naming both (docs/decisions/041). Anonymous readers are left to the
    /// authorization policies and <see cref="SignOffs.PublicAccess"/>.
    /// </summary>
    public static IApplicationBuilder UseAreaScope(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // An endpoint that needs no area, asked without naming one (a named area is still checked against the account).
        if (context.GetEndpoint()?.Metadata.GetMetadata<WithoutAreaScope>() is not null
            && AreaPrefix.Code(context) is null && !context.Request.Query.ContainsKey(QueryName))
        {
            await next(context);
            return;
        }

        var scope = context.RequestServices.GetRequiredService<AreaScope>();
        if (scope.IsResolved)
        {
            // A re-execution (the error page of this same request) keeps the scope already resolved.
            await next(context);
            return;
        }

        var code = AreaPrefix.Code(context);
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (context.Request.Query.TryGetValue(QueryName, out var query) && !string.IsNullOrWhiteSpace(query.ToString()))
        {
            var asked = query.ToString().Trim();
            if (code is not null && !string.Equals(code, asked, StringComparison.OrdinalIgnoreCase))
            {
                // Two areas in one request: neither is a safe guess.
                await RefuseAsync(context, StatusCodes.Status400BadRequest, localizer["Đường dẫn chỉ địa bàn \"{0}\" nhưng tham số area= chỉ địa bàn \"{1}\"; hãy dùng một trong hai.", UiFormat.Echo(code), UiFormat.Echo(asked)].Value);
                return;
            }

            code ??= asked;
        }

        var actor = Accounts.ActingUser.Of(context);
        if (!await scope.ResolveAsync(code ?? actor.AreaCode, context.RequestAborted))
        {
            await RefuseAsync(context, StatusCodes.Status404NotFound, localizer["Không tìm thấy địa bàn \"{0}\".", UiFormat.Echo(scope.UnknownCode)].Value);
            return;
        }

        // Anonymous readers are left to the policies and PublicAccess; a signed-in actor is held to its subtree.
        if (actor.Kind != Accounts.ActorKind.Anonymous && scope.Area is { } area && !scope.MayOpen(actor, area.Code))
        {
            var own = actor.AreaCode ?? string.Empty;
            var ownName = scope.Directory.Find(own)?.Name ?? own;
            await RefuseAsync(context, StatusCodes.Status403Forbidden, localizer["Tài khoản này chỉ làm việc trong {0} và các địa bàn trực thuộc; không có quyền với {1}.", ownName, area.Name].Value);
            return;
        }

        await next(context);
    });

    /// <summary>Ends the request with <paramref name="status"/> and <paramref name="message"/>: problem+json under /api, else the error page showing the message.</summary>
    internal static Task RefuseAsync(HttpContext context, int status, string message)
    {
        if (ApiProblems.IsApi(context.Request))
        {
            return ApiProblems.WriteAsync(context, status, message);
        }

        // The error page (status-code re-execution) shows this message instead of its generic text.
        context.Items[RefusalMessageKey] = message;
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>Where the message of an unknown area (404) or of an area outside the account's (403) waits for the error page.</summary>
    public const string RefusalMessageKey = "bz.area.refusal";

    /// <summary>The path of an area's page (<paramref name="path"/> is the plain route, e.g. <c>/annex</c>), outside the current area's path base.</summary>
    public static string Link(HttpContext context, string code, string path = "/")
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(path);
        var root = AreaPrefix.Base(context);
        return root.Add("/" + Segment + "/" + Uri.EscapeDataString(code)).Add(path == "/" ? "/" : path).ToString();
    }
}
