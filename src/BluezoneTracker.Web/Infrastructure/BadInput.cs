using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Infrastructure;

/// <summary>
/// A request body the server cannot read is the client's fault, never a 500: a body over Kestrel's
/// limit or cut short (<see cref="BadHttpRequestException"/>, with its own status), and a form that
/// does not parse — multipart without a boundary, truncated, a CR LF inside a part's file name — are
/// answered 400 (problem+json under <c>/api</c>, the error page elsewhere). Only failures while the
/// form is being read are mapped: once a form was read, an I/O error is a server fault again.
/// </summary>
internal static class BadInput
{
    public static IApplicationBuilder UseBadInputAs4xx(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested && StatusFor(context, ex) is { } status)
        {
            context.Response.Clear();
            if (ApiProblems.IsApi(context.Request))
            {
                var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<Localization.SharedResource>>();
                await ApiProblems.WriteAsync(context, status, localizer["Không đọc được nội dung yêu cầu (multipart/form-data hỏng hoặc bị cắt)."]);
                return;
            }

            // The status-code page (outside this middleware) explains it.
            context.Response.StatusCode = status;
        }
    });

    private static int? StatusFor(HttpContext context, Exception ex) => ex switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException or IOException when FormReadFailed(context) => StatusCodes.Status400BadRequest,
        _ => null,
    };

    private static bool FormReadFailed(HttpContext context) =>
        context.Request.HasFormContentType && context.Features.Get<IFormFeature>() is not { Form: not null };
}
