using BluezoneTracker.Core.Formatting;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Localization;

/// <summary>The one sentence for a date that does not exist, used wherever a date is refused (pages, API, intake).</summary>
public static class DateTexts
{
    /// <summary>
    /// "Ngày "2020-02-30" không có: tháng 2/2020 chỉ có 29 ngày." when <paramref name="text"/> writes an impossible date
    /// (<see cref="ImpossibleDate"/>), else null (the caller's format message applies).
    /// </summary>
    public static string? NoSuchDay(IStringLocalizer localizer, string? text)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return ImpossibleDate.Of(text) switch
        {
            null => (string?)null,
            { DaysInMonth: { } days } d => localizer["Ngày \"{0}\" không có: tháng {1}/{2} chỉ có {3} ngày.", UiFormat.Echo(text!.Trim()), d.Month, d.Year, days].Value,
            var d => localizer["Ngày \"{0}\" không có: tháng {1} không tồn tại (một năm có 12 tháng).", UiFormat.Echo(text!.Trim()), d.Month].Value,
        };
    }
}
