using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Formatting;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace BluezoneTracker.Web.Pages.Shared;

/// <summary>
/// The navbar's "Phụ lục" link keeps the report and comparison dates the user is looking at: a page
/// that shows figures remembers them here, the layout reads them back.
/// </summary>
public static class AnnexLink
{
    private const string Key = "BluezoneTracker.AnnexLink";

    /// <summary>Remembers the dates of <paramref name="annex"/> for the navbar's link.</summary>
    public static void Remember(ViewDataDictionary viewData, AnnexReport annex)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        ArgumentNullException.ThrowIfNull(annex);
        var values = new Dictionary<string, string> { ["date"] = VietnameseFormat.IsoDate(annex.Date) };
        if (annex.CompareDate is { } compare)
        {
            values["compare"] = VietnameseFormat.IsoDate(compare);
        }

        viewData[Key] = values;
    }

    /// <summary>The route values for the link: the remembered dates, or none (the latest annex).</summary>
    public static IDictionary<string, string> RouteValues(ViewDataDictionary viewData) =>
        viewData?[Key] as Dictionary<string, string> ?? [];
}
