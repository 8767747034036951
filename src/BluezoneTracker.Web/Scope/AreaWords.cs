using BluezoneTracker.Core.Areas;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Scope;

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

    // Warnings, hints, import messages and intake texts that name the children's kind.
    public const string PopulationMismatch = "Dân số các {child} cộng lại là {0}, khác dân số chính thức của {1} là {2} (chênh lệch {3}). Dòng tổng dùng số chính thức.";
    public const string UnassignedDecreased = "Số thuê bao chưa xác định được {child} giảm từ {0} (ngày {1}) xuống {2}.";
    public const string PopulationMismatchHint = "Kiểm tra dân số các {child} và dân số chính thức của khu vực trong trang Khu vực: cùng năm, cùng nguồn.";
    public const string UnassignedDecreasedHint = "Số chưa xác định được {child} chỉ giảm khi được phân về {child}: kiểm tra số các {child} có tăng tương ứng không.";
    public const string MissingColumns = "không tìm thấy dòng tiêu đề có cột tên {child} (hoặc mã) và cột số đăng ký. Hãy dùng tệp mẫu.";
    public const string UnknownChild = "không tìm thấy {child} \"{0}\".";
    public const string MissingUnassigned = "chưa nhập số thuê bao chưa xác định được {child} (ghi 0 nếu không có).";
    public const string ModeRequired = "số liệu chỉ có {0} trong {1} {child} của ngày đã có số liệu; hãy chọn thay thế cả ngày (replace) hay chỉ cập nhật các {child} này (update).";
    public const string UnassignedModeRequired = "số liệu không có số thuê bao chưa xác định được {child}, còn ngày này đang có {0}; hãy chọn thay thế cả ngày (replace: số này thành 0) hay chỉ cập nhật các {child} có trong số liệu (update: giữ {0}).";

    public const string UnassignedModeRequiredOnPage = "số liệu không có số thuê bao chưa xác định được {child}, còn ngày này đang có {0}; hãy chọn ở ô \"{1}\": \"{2}\" (số này thành 0) hay \"{3}\" (giữ {0}).";
    public const string ModeRequiredOnPage = "số liệu chỉ có {0} trong {1} {child} của ngày đã có số liệu; hãy chọn ở ô \"{2}\": \"{3}\" hay \"{4}\".";
    public const string UnknownMode = "cách lưu \"{0}\" không hợp lệ; chỉ dùng replace (thay thế cả ngày) hoặc update (cập nhật các {child} có trong tệp).";
    public const string BlankCount = "ô để trống nhưng ngày này đã có số liệu của {child}; hãy nhập số, hoặc đánh dấu ô \"Xoá số của {child} này\" để xoá số của {child}.";
    public const string MissingRow = "không có số: {child} này thiếu trong số liệu";
    public const string ModeQuestion = "Nếu ngày đã có số liệu và tệp chỉ có một số {child}";
    public const string ModeUpdate = "Chỉ cập nhật các {child} có trong tệp";
    public const string ModeReplace = "Thay thế cả ngày ({child} không có trong tệp sẽ không còn số liệu)";
    public const string EditingExisting = "Ngày {0} đã có số liệu (bản #{1}); các ô dưới đây là số hiện tại. Chỉ sửa ô cần sửa — các {child} khác được giữ nguyên.";
    public const string NoChildAreas = "{0} không có {children} trực thuộc nên không có bảng số liệu riêng: số của {0} được nhập trong bảng của {1}.";
    public const string EnteredByParent = "{0} không có {children} trực thuộc nên không nhập số liệu ở đây: số của {0} do cán bộ của {1} nhập trong bảng số liệu của {1}.";
    public const string ConfirmRemoval = "Tôi xác nhận xoá số liệu ngày {0} của: {1}. Các {child} này sẽ không còn số liệu và không được xếp hạng.";

    // The reporting status (who has reported on a date) and the dates list's explanation of its column. English needs a
    // plural: "12/12 districts", but "1/1 district" — so an area with one child has a template of its own ("/1" in the key).
    public const string Reported = "{0}/{1} {children} đã báo cáo ngày {2}";
    public const string ReportedOfOne = "{0}/1 {children} đã báo cáo ngày {1}";
    public const string ReportedMeans = "Đã báo cáo: số {children} có số liệu trong bản hiện hành.";

    /// <summary>Why a figure of the parent is withheld (round 10): it needs every child on that date.</summary>
    public const string Withheld = "chưa đủ số liệu: {0}/{1} {children} có số liệu ngày {2}";

    /// <summary>"12/12 huyện, thành phố đã báo cáo ngày 17/8/2020" / "12/12 districts reported on 8/17/2020" (and "1/1 district …").</summary>
    public string SayReported(int reported, int expected, string date) =>
        expected == 1 ? Say(ReportedOfOne, reported, date) : Say(Reported, reported, expected, date);

    /// <summary>Every template above: the resources must translate each one for every kind.</summary>
    public static IReadOnlyList<string> Templates { get; } =
    [
        Figures, IncludingUnassigned, Coverage, RateChartTitle, ProgressChartTitle, DrawnLowest, DrawnChosen, NoRateYet, OnTrack,
        HighestLowest, CumulativeFromTo, LatestPeriod, WholeRate, DailyTitle, PacingEach, OnTheChart, RemoveChild, ChildrenHeader, Unassigned,
        UnassignedShort, Whole, PopulationMismatch, UnassignedDecreased, PopulationMismatchHint, UnassignedDecreasedHint, MissingColumns,
        UnknownChild, MissingUnassigned, ModeRequired, ModeRequiredOnPage, UnassignedModeRequired, UnassignedModeRequiredOnPage, UnknownMode, BlankCount, MissingRow, ModeQuestion, ModeUpdate, ModeReplace,
        EditingExisting, ConfirmRemoval, NoChildAreas, EnteredByParent, Reported, ReportedOfOne, ReportedMeans, Withheld,
    ];

    /// <summary>
    /// Why the parent's figures of <paramref name="report"/> are withheld, in the UI language: "chưa đủ số liệu: 2/12 huyện,
    /// thành phố có số liệu ngày 20/8/2020" (and the comparison date's, when a child is missing there); null when none is.
    /// </summary>
    public string? SayWithheld(Core.Figures.AnnexReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Completeness is not { ChangeIsComplete: false } c)
        {
            return null;
        }

        var parts = new List<string>(2);
        if (!c.IsComplete)
        {
            parts.Add(Say(Withheld, c.Reported, c.Children, Localization.UiFormat.Date(report.Date)));
        }

        if (c.CompareReported is { } then && then != c.Children && report.CompareDate is { } compare)
        {
            parts.Add(Say(Withheld, then, c.Children, Localization.UiFormat.Date(compare)));
        }

        return string.Join("; ", parts);
    }

    /// <summary>
    /// The words of the request's area (<see cref="Scope.AreaScope.Wording"/>); outside a resolved scope
    /// (the <c>import</c> verb before it resolves, a bare service) the dispatch's words: a province of districts.
    /// </summary>
    public static AreaWords ForScope(Scope.AreaScope? scope, IStringLocalizer localizer) =>
        new(scope?.Wording ?? AreaWording.For(new Area("0", "Tỉnh", AreaKind.Province), AreaLevel.District), localizer);

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
