using BluezoneTracker.Core.Areas;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Localization;

/// <summary>
/// The UI's words that follow an area's kind (<see cref="AreaWording"/>, the one place in Core), in the UI
/// language: each template is expanded in Vietnamese for the area, then looked up in the resources, which hold
/// one English text per expansion (tools/resx.py; <c>AreaWordsTests</c> checks every one is there).
/// </summary>
/// <example><c>words.Say(AreaWords.RateChartTitle)</c> → "Tỷ lệ đăng ký / dân số theo huyện" / "Registrations / population by district".</example>
public sealed class AreaWords(AreaWording wording, IStringLocalizer localizer)
{
    public const string Figures = "Số liệu {whole}";
    public const string IncludingUnassigned = "gồm {0} chưa xác định được {child}";
    public const string Coverage = "{0}/{1} {children} có số liệu ngày {2}; nơi chưa có số liệu không được xếp hạng.";
    public const string RateChartTitle = "Tỷ lệ đăng ký / dân số theo {child}";
    public const string ProgressChartTitle = "Tiến độ so với chỉ tiêu theo {child}";
    public const string DrawnLowest = "Vẽ {whole} và {0} {child} có tỷ lệ thấp nhất; chọn {child} khác bên dưới.";
    public const string DrawnChosen = "Vẽ {whole} và các {child} đã chọn: {0}.";
    public const string NoRateYet = "Chưa có tỷ lệ của {child} nào.";
    public const string OnTrack = "{0} trên {1} {child} đúng tiến độ hoặc đã đạt chỉ tiêu; thấp nhất là {2} với {3} chỉ tiêu.";
    public const string HighestLowest = "{0} có tỷ lệ cao nhất ({1}), {2} thấp nhất ({3}); {whole} {4}, chỉ tiêu {5}.";
    public const string CumulativeFromTo = "Từ {0} đến {1}, số đăng ký {whole} tăng từ {2} lên {3} qua {4} lần thống kê.";
    public const string LatestPeriod = "Trong khoảng gần nhất ({0}) {whole} có trung bình {1} lượt đăng ký mới mỗi ngày; cao nhất là {2} lượt/ngày ({3}).";
    public const string WholeRate = "{Whole} {0}";
    public const string DailyTitle = "Số đăng ký mới mỗi ngày ({whole})";
    public const string PacingEach = "Tiến độ từng {child}";
    public const string OnTheChart = "{Child} trên biểu đồ";
    public const string RemoveChild = "Xoá số của {child} này";
    public const string ChildrenHeader = "{ChildrenHeader}";
    public const string Unassigned = "Số thuê bao chưa xác định được {child}";
    public const string UnassignedShort = "Chưa xác định được {child}";
    public const string Whole = "{Whole}";

    /// <summary>Every template above: the resources must translate each one for every kind.</summary>
    public static IReadOnlyList<string> Templates { get; } =
    [
        Figures, IncludingUnassigned, Coverage, RateChartTitle, ProgressChartTitle, DrawnLowest, DrawnChosen, NoRateYet, OnTrack,
        HighestLowest, CumulativeFromTo, LatestPeriod, WholeRate, DailyTitle, PacingEach, OnTheChart, RemoveChild, ChildrenHeader, Unassigned,
        UnassignedShort, Whole,
    ];

    /// <summary>The Core words these are made of.</summary>
    public AreaWording Wording { get; } = wording ?? throw new ArgumentNullException(nameof(wording));

    /// <summary>The template in the area's words and the UI language, with its numbered arguments filled in.</summary>
    public string Say(string template, params object[] arguments) => localizer[Key(Wording, template), arguments];

    /// <summary>The Vietnamese text of a template for these words: the resource key of its translation.</summary>
    public static string Key(AreaWording wording, string template)
    {
        ArgumentNullException.ThrowIfNull(wording);
        return wording.Expand(template.Replace("{ChildrenHeader}", wording.ChildrenHeader, StringComparison.Ordinal));
    }
}
