using System.Globalization;
using System.Text;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Reports;
using Microsoft.Net.Http.Headers;

namespace BluezoneTracker.Web.Reports;

/// <summary>
/// A file of the annex sent as a download: an ASCII file name every browser and mail client keeps
/// ("Phu-luc-Bluezone-Son-La-2020-08-17.pdf"), and the Vietnamese name as RFC 5987 filename*
/// ("Phụ lục Bluezone Sơn La 2020-08-17.pdf").
/// </summary>
internal static class AnnexDownload
{

    public static IResult File(HttpContext context, AnnexDocument document, byte[] bytes, string contentType, string extension)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(document);
        var area = document.Report.Area.Name;
        var date = VietnameseFormat.IsoDate(document.Report.Date);
        var disposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"Phu-luc-Bluezone-{Slug(area)}-{date}.{extension}",
            FileNameStar = $"Phụ lục Bluezone {area} {date}.{extension}",
        };
        context.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.File(bytes, contentType);
    }


    /// <summary>"Sơn La" → "Son-La": folded to ASCII, words joined by hyphens, each starting with a capital.</summary>
    private static string Slug(string text)
    {
        var folded = VietnameseText.Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                builder.Append(builder.Length == 0 || builder[^1] == '-' ? char.ToUpper(ch, CultureInfo.InvariantCulture) : ch);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
