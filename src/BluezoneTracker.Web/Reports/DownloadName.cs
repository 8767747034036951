using System.Globalization;
using System.Text;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Reports;

namespace BluezoneTracker.Web.Reports;

/// <summary>File names of downloads: "Phu-luc-Bluezone-Son-La-2020-08-17.csv" (ASCII, safe everywhere).</summary>
internal static class DownloadName
{
    public static string For(AnnexDocument document, string extension) =>
        $"Phu-luc-Bluezone-{Slug(document.Report.Area.Name)}-{VietnameseFormat.IsoDate(document.Report.Date)}.{extension}";

    /// <summary>The Vietnamese name, for RFC 5987 filename* ("Phụ lục Bluezone Sơn La 17-8-2020.xlsx").</summary>
    public static string Vietnamese(AnnexDocument document, string extension) =>
        $"Phụ lục Bluezone {document.Report.Area.Name} {VietnameseFormat.IsoDate(document.Report.Date)}.{extension}";

    internal static string Slug(string text)
    {
        var folded = Core.Areas.VietnameseText.Fold(text);
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
