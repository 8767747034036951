using System.Text.Encodings.Web;
using System.Text.Unicode;
using BluezoneTracker.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Data;

/// <summary>
/// A request that meets a store which cannot answer for now — PostgreSQL restarting, a dropped pooled
/// connection, a SQLite file still locked after its busy timeout (<see cref="StoreProvider.IsUnavailable"/>)
/// — is answered 503 with a message and <c>Retry-After</c>, never 500; nothing was written, since every
/// write is one transaction. The connection pool discards broken connections, so the following requests
/// succeed as soon as the store answers again, without restarting the app (docs/decisions/070). The page
/// is written here, not through the error page, whose layout itself reads the store.
/// </summary>
internal static class StoreUnavailable
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Vietnamese letters stay letters (as in the app's pages); markup characters are encoded.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IApplicationBuilder UseStoreUnavailableAs503(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested && StoreProvider.IsUnavailable(ex))
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreUnavailable));
            if (logger.IsEnabled(LogLevel.Warning))
            {
                logger.LogWarning("The store did not answer {Path}: {Reason}", context.Request.Path.Value, ex.GetBaseException().Message);
            }

            var message = context.RequestServices.GetRequiredService<IStringLocalizer<Localization.SharedResource>>()[
                "Kho dữ liệu tạm thời không trả lời (đang khởi động lại hoặc quá tải). Không có gì bị ghi dở; hãy thử lại sau ít giây."].Value;
            context.Response.Clear();
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (ApiProblems.IsApi(context.Request))
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, message);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>503</title></head><body><h1>503</h1><p>{Encoder.Encode(message)}</p></body></html>",
                context.RequestAborted);
        }
    });
}
