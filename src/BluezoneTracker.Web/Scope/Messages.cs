using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Localization;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Scope;

/// <summary>
/// Turns problems and warnings into sentences in the current UI language; the children's kind ("huyện", "xã")
/// follows the request's area (<paramref name="scope"/>).
/// </summary>
public sealed class Messages(IStringLocalizer<SharedResource> localizer, Scope.AreaScope? scope = null)
{
    private AreaWords Words => AreaWords.ForScope(scope, localizer);

    /// <summary>The sentence of a problem; <paramref name="value"/> (the user's text) is quoted cut to <see cref="UiFormat.EchoLength"/> characters.</summary>
    public string Problem(FiguresProblem problem, string? value)
    {
        var quoted = UiFormat.Echo(value);
        return Sentence(problem, value, quoted);
    }

    private string Sentence(FiguresProblem problem, string? value, string quoted) => problem switch
    {
        FiguresProblem.UnknownArea => localizer["Không tìm thấy địa bàn \"{0}\".", quoted],
        FiguresProblem.NoData => localizer["Chưa có số liệu nào được nhập."],
        FiguresProblem.NoChildAreas => Words.Say(AreaWords.NoChildAreas, scope?.Area?.Name ?? value ?? string.Empty, ParentName ?? string.Empty),
        FiguresProblem.MalformedDate or FiguresProblem.MalformedCompareDate when DateTexts.NoSuchDay(localizer, value) is { } noSuchDay => noSuchDay,
        FiguresProblem.MalformedDate => localizer["Ngày báo cáo \"{0}\" không đúng định dạng năm-tháng-ngày (ví dụ 2020-08-17).", quoted],
        FiguresProblem.UnknownDate => localizer["Không có số liệu cho ngày {0}.", DateText(value)],
        FiguresProblem.MalformedCompareDate => localizer["Ngày so sánh \"{0}\" không đúng định dạng năm-tháng-ngày (ví dụ 2020-08-12).", quoted],
        FiguresProblem.UnknownCompareDate => localizer["Không có số liệu cho ngày so sánh {0}.", DateText(value)],
        FiguresProblem.CompareNotBefore => localizer["Ngày so sánh {0} phải trước ngày báo cáo.", DateText(value)],
        _ => localizer["Yêu cầu không hợp lệ."],
    };

    /// <summary>
    /// What a page shows when it has no figures, and the status it answers with: 400 when the URL asks
    /// for something that does not exist, 200 when the store is merely empty (nothing to fix in the URL).
    /// </summary>
    public (string Text, int StatusCode) ForPage(FiguresResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var problem = result.Problem ?? FiguresProblem.NoData;
        return (Problem(problem, result.Value), problem is FiguresProblem.NoData or FiguresProblem.NoChildAreas ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>The name of the request's area's parent ("Tỉnh Sơn La"); null at the top.</summary>
    private string? ParentName => scope is { Area: not null } s && s.Path.Count >= 2 ? s.Path[^2].Name : null;

    public string InvalidFlag(string name, string value) =>
        localizer["Tham số {0} chỉ nhận true hoặc false, không nhận \"{1}\".", name, UiFormat.Echo(value)];

    public string ProblemTitle(FiguresProblem problem) => problem switch
    {
        FiguresProblem.UnknownArea or FiguresProblem.UnknownDate or FiguresProblem.UnknownCompareDate or FiguresProblem.NoData or FiguresProblem.NoChildAreas
            => localizer["Không có số liệu"],
        _ => localizer["Tham số không hợp lệ"],
    };

    public string Warning(DataWarning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var name = warning.AreaName ?? string.Empty;
        var value = warning.Value is { } v ? UiFormat.Count(v) : string.Empty;
        var other = warning.Other is { } o ? UiFormat.Count(o) : string.Empty;
        var date = warning.OtherDate is { } d ? UiFormat.Date(d) : string.Empty;
        return warning.Kind switch
        {
            DataWarningKind.PopulationMismatch => Words.Say(AreaWords.PopulationMismatch, other, name, value, UiFormat.Count(Math.Abs((warning.Value ?? 0) - (warning.Other ?? 0)))),
            DataWarningKind.RegistrationsAbovePopulation => localizer["{0}: số đăng ký {1} lớn hơn dân số {2}.", name, value, other],
            DataWarningKind.CountDecreased => localizer["{0}: số đăng ký {1} thấp hơn ngày {2} ({3}).", name, value, date, other],
            DataWarningKind.MissingFromSnapshot => localizer["{0}: không có số liệu ngày {1}.", name, date],
            DataWarningKind.MissingOnComparisonDate => localizer["{0}: không có số liệu ngày so sánh {1}, không tính được mức tăng.", name, date],
            DataWarningKind.Unchanged => localizer["{0}: số đăng ký {1} không thay đổi qua {2} lần thống kê liên tiếp.", name, value, warning.Count ?? 0],
            DataWarningKind.PopulationUnknown => localizer["{0}: chưa có dân số, không tính được tỷ lệ.", name],
            DataWarningKind.UnassignedDecreased => Words.Say(AreaWords.UnassignedDecreased, other, date, value),
            DataWarningKind.TypedTotalMismatch => localizer["Tổng ghi trong tệp là {0}, khác tổng các dòng là {1}.", value, other],
            DataWarningKind.JumpAbovePace => localizer["{0}: tăng {1} mỗi ngày kể từ ngày {2}, cao bất thường so với nhịp gần đây ({3} mỗi ngày).", name, value, date, other],
            DataWarningKind.FileDateDiffers when warning is { NamedBy: { } sheet, BySheet: true } => localizer[
                "Trang tính được đọc mang tên \"{0}\", một ngày khác ngày đã chọn {1}. Hãy kiểm tra lại ngày trước khi lưu.",
                UiFormat.Echo(sheet), warning.Date is { } sheetChosen ? UiFormat.Date(sheetChosen) : string.Empty],
            DataWarningKind.FileDateDiffers when warning.NamedBy is { } header => localizer[
                "Dòng {0}: cột số đăng ký được đọc ghi \"{1}\", một ngày khác ngày đã chọn {2}. Hãy kiểm tra lại ngày trước khi lưu.",
                warning.Value ?? 0, UiFormat.Echo(header), warning.Date is { } columnChosen ? UiFormat.Date(columnChosen) : string.Empty],
            DataWarningKind.FileDateDiffers => localizer[
                "Dòng {0}: tệp ghi số liệu tính đến ngày {1}, khác ngày đã chọn {2}. Hãy kiểm tra lại ngày trước khi lưu.",
                warning.Value ?? 0, date, warning.Date is { } chosen ? UiFormat.Date(chosen) : string.Empty],
            DataWarningKind.TwoSourcesDiffer => localizer[
                "{0} ngày {1}: bảng số liệu của chính {0} (bản #{2}) cộng lại là {3}, dòng của {0} trong bảng của {4} (bản #{5}) là {6}, chênh lệch {7}. Số hiển thị là số theo bảng của chính {0}.",
                name, warning.Date is { } day ? UiFormat.Date(day) : string.Empty, warning.Count ?? 0, value, warning.OtherAreaName ?? string.Empty,
                warning.OtherRevision ?? 0, other, UiFormat.Change((warning.Value ?? 0) - (warning.Other ?? 0))],
            _ => warning.Kind.ToString(),
        };
    }

    /// <summary>
    /// One line on what to check for a warning of <paramref name="kind"/>, shown next to the warning on the
    /// dashboard, the annex page and the intake preview (issue #10, point 8).
    /// </summary>
    public string WarningHint(DataWarningKind kind) => kind switch
    {
        DataWarningKind.PopulationMismatch => Words.Say(AreaWords.PopulationMismatchHint),
        DataWarningKind.RegistrationsAbovePopulation => localizer["Kiểm tra số vừa nhập (thừa chữ số, nhầm dòng?) và dân số của khu vực này."],
        DataWarningKind.CountDecreased => localizer["Số đăng ký cộng dồn không giảm: kiểm tra số vừa nhập, hoặc số của ngày trước có bị nhập nhầm không."],
        DataWarningKind.MissingFromSnapshot => localizer["Kiểm tra tệp hoặc bảng nhập có dòng của khu vực này; nếu thiếu, bổ sung rồi lưu bản mới."],
        DataWarningKind.MissingOnComparisonDate => localizer["Bổ sung số liệu của ngày so sánh, hoặc chọn ngày so sánh khác có đủ số liệu."],
        DataWarningKind.Unchanged => localizer["Kiểm tra nguồn số liệu có được cập nhật không: có thể số của ngày trước đã bị sao chép lại."],
        DataWarningKind.PopulationUnknown => localizer["Nhập dân số của khu vực này trong trang Khu vực để tính được tỷ lệ và xếp hạng theo tỷ lệ."],
        DataWarningKind.UnassignedDecreased => Words.Say(AreaWords.UnassignedDecreasedHint),
        DataWarningKind.TypedTotalMismatch => localizer["Kiểm tra từng dòng của tệp: có dòng bị thiếu, thừa hoặc đọc sai không."],
        DataWarningKind.JumpAbovePace => localizer["Kiểm tra số vừa nhập (thừa chữ số, nhầm dòng?) hoặc hỏi đơn vị cung cấp số liệu về đợt tăng này."],
        DataWarningKind.FileDateDiffers => localizer["Chọn đúng ngày của tệp, hoặc dùng đúng tệp của ngày đã chọn."],
        DataWarningKind.TwoSourcesDiffer => localizer["Hai bảng phải khớp nhau: kiểm tra số của các đơn vị con và số chưa xác định, hoặc dòng của đơn vị này trong bảng cấp trên, rồi lưu bản sửa."],
        _ => string.Empty,
        };

    /// <summary>A warning's sentence with its what-to-check line, for the pages that list warnings.</summary>
    public ExplainedWarning Explain(DataWarning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return new ExplainedWarning(Warning(warning), WarningHint(warning.Kind));
    }

    /// <summary>
    /// Runs <paramref name="make"/> with Vietnamese as the UI language: the official annex and its files
    /// are Vietnamese whatever language the reader chose.
    /// </summary>
    public static T InVietnamese<T>(Func<T> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        try
        {
            return make();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string DateText(string? iso) =>
        VietnameseFormat.TryParseIsoDate(iso, out var date) ? UiFormat.Date(date) : iso ?? string.Empty;
}

/// <summary>A data-quality warning as shown on a page: its sentence and one line on what to check.</summary>
public sealed record ExplainedWarning(string Text, string Hint);
