using BluezoneTracker.Core.Reports;
using Microsoft.Net.Http.Headers;

namespace BluezoneTracker.Web.Reports;

/// <summary>
/// A file of the annex sent as a download: an ASCII file name every browser and mail client keeps
/// ("Phu-luc-Bluezone-Son-La-2020-08-17.pdf"), and the Vietnamese name as RFC 5987 filename*.
/// </summary>
internal static class AnnexDownload
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static IResult File(HttpContext context, AnnexDocument document, byte[] bytes, string contentType, string extension)
    {
        ArgumentNullException.ThrowIfNull(context);
        var disposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = DownloadName.For(document, extension),
            FileNameStar = DownloadName.Vietnamese(document, extension),
        };
        context.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.File(bytes, contentType);
    }

    /// <summary>Now, on the clock of the officials who read the document (Vietnam has no daylight saving).</summary>
    public static DateTime VietnamTime(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Vietnam).DateTime;
    }
}
