using System.Globalization;

namespace BluezoneTracker.Core.Areas;

/// <summary>Vietnamese alphabetical order of areas: by name without the kind prefix, then code.</summary>
public static class AreaOrder
{
    private static readonly StringComparer Vietnamese =
        StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);

    public static int CompareNames(string left, string right) =>
        Vietnamese.Compare(VietnameseText.StripKindPrefix(left), VietnameseText.StripKindPrefix(right));

    public static readonly Comparison<Area> ByName = (a, b) =>
    {
        var byName = CompareNames(a.Name, b.Name);
        return byName != 0 ? byName : string.CompareOrdinal(a.Code, b.Code);
    };
}
