using System.Globalization;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Snapshots;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Localization;

/// <summary>Turns import problems into sentences in the current UI language, located by line (and cell for a spreadsheet).</summary>
public sealed class ImportMessages(IStringLocalizer<SharedResource> localizer)
{
    public string Problem(ImportProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var sentence = Sentence(problem);
        return (problem.Line, problem.Cell) switch
        {
            ({ } line, { } cell) => localizer["Dòng {0} (ô {1}): {2}", line, cell, sentence],
            ({ } line, null) => localizer["Dòng {0}: {1}", line, sentence],
            (null, { } cell) => localizer["{0}: {1}", cell, sentence],
            _ => char.ToUpper(sentence[0], CultureInfo.CurrentCulture) + sentence[1..],
        };
    }

    public string Title => localizer["Số liệu không được lưu"];

    public string MatchedBy(MatchKind kind) => kind switch
    {
        MatchKind.Code => localizer["theo mã"],
        MatchKind.Name => localizer["theo tên"],
        _ => localizer["theo tên (bỏ qua dấu, hoa thường, tiền tố)"],
    };

    public string Source(RevisionSource source) => source switch
    {
        RevisionSource.Seed => localizer["Dữ liệu mẫu"],
        RevisionSource.Form => localizer["Bảng nhập"],
        RevisionSource.File => localizer["Tệp tải lên"],
        RevisionSource.Api => localizer["API"],
        RevisionSource.CommandLine => localizer["Dòng lệnh"],
        RevisionSource.Restore => localizer["Khôi phục"],
        _ => source.ToString(),
    };

    private string Sentence(ImportProblem p)
    {
        var value = p.Value ?? string.Empty;
        return p.Kind switch
        {
            ImportProblemKind.EmptyFile => localizer["tệp trống, không có số liệu."],
            ImportProblemKind.FileTooLarge => localizer["tệp nặng {0} byte, vượt giới hạn {1} byte.", Number(p.Value), Number(p.Other)],
            ImportProblemKind.NotATable => localizer["tệp không phải bảng CSV hay Excel (.xlsx) đọc được."],
            ImportProblemKind.UnreadableWorkbook => localizer["không mở được tệp Excel: tệp bị hỏng hoặc không đầy đủ."],
            ImportProblemKind.WorkbookTooLarge => localizer["tệp Excel khi giải nén vượt {0} byte, bị từ chối (có thể là tệp nén độc hại).", Number(p.Other)],
            ImportProblemKind.FormulaWithoutValue => localizer["ô có công thức {0} nhưng chưa có giá trị đã tính; hãy mở tệp bằng Excel, lưu lại rồi tải lên.", value],
            ImportProblemKind.TooManyRows => localizer["tệp có quá nhiều dòng (tối đa {0}).", Number(p.Other)],
            ImportProblemKind.MissingColumns => localizer["không tìm thấy dòng tiêu đề có cột tên huyện (hoặc mã) và cột số đăng ký. Hãy dùng tệp mẫu."],
            ImportProblemKind.NoCounts => localizer["chỉ có dòng tiêu đề, không có số liệu."],
            ImportProblemKind.TextTooLong => localizer["nội dung \"{0}\" dài hơn {1} ký tự, không phải tên địa bàn.", value, p.Other ?? string.Empty],
            ImportProblemKind.UnknownArea => localizer["không tìm thấy huyện \"{0}\".", value],
            ImportProblemKind.UnknownCode => localizer["không có địa bàn nào mang mã \"{0}\".", value],
            ImportProblemKind.CodeNameMismatch => localizer["tên \"{0}\" không khớp với mã, mã này là của {1}.", value, p.Other ?? string.Empty],
            ImportProblemKind.AmbiguousName => localizer["tên \"{0}\" khớp với nhiều địa bàn; hãy ghi mã hoặc tên đầy đủ.", value],
            ImportProblemKind.DuplicateArea => localizer["{0} xuất hiện lần thứ hai (lần đầu ở dòng {1}).", value, p.Other ?? string.Empty],
            ImportProblemKind.MissingName => localizer["có số liệu nhưng không có tên hay mã địa bàn."],
            ImportProblemKind.NotANumber => localizer["\"{0}\" không phải là số.", value],
            ImportProblemKind.NegativeCount => localizer["số đăng ký \"{0}\" là số âm.", value],
            ImportProblemKind.DecimalCount => localizer["số đăng ký \"{0}\" có phần thập phân; phải là số nguyên.", value],
            ImportProblemKind.CountTooLarge => localizer["số đăng ký \"{0}\" quá lớn (tối đa {1}).", value, Number(p.Other ?? CountText.MaxCount.ToString(CultureInfo.InvariantCulture))],
            ImportProblemKind.MissingCount => localizer["chưa nhập số thuê bao chưa xác định được huyện (ghi 0 nếu không có)."],
            ImportProblemKind.MalformedDate => localizer["ngày \"{0}\" không đúng định dạng; hãy ghi ngày/tháng/năm (18/8/2020) hoặc năm-tháng-ngày (2020-08-18).", value],
            ImportProblemKind.FutureDate => localizer["ngày {0} chưa đến; không thể nhập số liệu cho ngày trong tương lai.", DateText(p.Value)],
            ImportProblemKind.ReasonRequired => localizer["ngày này đã có số liệu; hãy ghi lý do để lưu bản sửa đổi mới."],
            ImportProblemKind.UnknownRevision => localizer["không có bản sửa đổi {0}.", value],
            ImportProblemKind.SignedOffDate => localizer["số liệu ngày này đã được lãnh đạo duyệt; chỉ Lãnh đạo hoặc Quản trị viên được lưu bản sửa đổi mới."],
            ImportProblemKind.DuplicateFile => localizer["tệp này đã được nhập cho ngày này (bản #{0}).", p.Other ?? string.Empty],
            ImportProblemKind.DateTooEarly => localizer["ngày {0} trước ngày {1}, ngày sớm nhất được nhận.", DateText(p.Value), DateText(p.Other)],
            ImportProblemKind.ReasonTooLong => localizer["lý do dài {0} ký tự, vượt giới hạn {1} ký tự.", Number(p.Value), Number(p.Other)],
            ImportProblemKind.FileNameTooLong => localizer["tên tệp dài {0} ký tự, vượt giới hạn {1} ký tự.", Number(p.Value), Number(p.Other)],
            ImportProblemKind.RevisionMoved => string.IsNullOrEmpty(p.Value)
                ? localizer["trong lúc bạn xem trước, đã có người lưu số liệu cho ngày này (bản #{0}); chưa lưu gì — hãy xem lại số liệu mới rồi lưu lại.", p.Other ?? string.Empty]
                : localizer["trong lúc bạn xem trước bản #{0}, đã có người lưu bản #{1}; chưa lưu gì — hãy xem lại số liệu mới rồi lưu lại.", value, p.Other ?? string.Empty],
            ImportProblemKind.ModeRequired => localizer["số liệu chỉ có {0} trong {1} huyện của ngày đã có số liệu; hãy chọn thay thế cả ngày (replace) hay chỉ cập nhật các huyện này (update).", Number(p.Value), Number(p.Other)],
            ImportProblemKind.UnknownMode => localizer["cách lưu \"{0}\" không hợp lệ; chỉ dùng replace (thay thế cả ngày) hoặc update (cập nhật các huyện có trong tệp).", value],
            ImportProblemKind.BlankCount => localizer["ô để trống nhưng ngày này đã có số liệu của huyện; hãy nhập số, hoặc dùng nút \"Xoá số liệu\" của huyện này."],
            _ => p.Kind.ToString(),
        };
    }

    /// <summary>A whole number kept as invariant text in a problem (a size, a limit), written the Vietnamese way.</summary>
    private static string Number(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? VietnameseFormat.Count(n) : value ?? string.Empty;

    private static string DateText(string? iso) =>
        VietnameseFormat.TryParseIsoDate(iso, out var date) ? VietnameseFormat.Date(date) : iso ?? string.Empty;
}
