using System.Globalization;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Scope;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>
/// Turns import problems into sentences in the current UI language, located by line (and cell for a spreadsheet);
/// the children's kind ("huyện", "xã") follows the request's area (<paramref name="scope"/>).
/// </summary>
public sealed class ImportMessages(IStringLocalizer<SharedResource> localizer, Web.Scope.AreaScope? scope = null)
{
    private AreaWords Words => AreaWords.ForScope(scope, localizer);

    /// <summary>Whether the sentences are for the upload page, whose choices are its own controls (not the API's parameters).</summary>
    private bool OnPage { get; init; }

    /// <summary>The same sentences for the upload page: a choice is named by the page's own words, never by the API's or the command line's.</summary>
    public ImportMessages ForPage() => new(localizer, scope) { OnPage = true };

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

    /// <summary>
    /// Where the request's area (one without child areas, so without a table of its own) has its count entered — one
    /// sentence worded by the area's kind: in its parent's table, by the parent's staff (decision 083). Without a
    /// parent (a top area with no children yet), the catalogue sentence of <see cref="ImportProblemKind.NoChildAreas"/>.
    /// </summary>
    /// <param name="areaName">The area's name, used when the request has no resolved area.</param>
    public string NoTableHere(string areaName)
    {
        var area = scope?.IsResolved == true ? scope.Area : null;
        var name = area?.Name ?? areaName;
        return area is not null && scope!.TableArea is { } parent && parent.Code != area.Code
            ? Words.Say(AreaWords.EnteredByParent, name, parent.Name)
            : Problem(new ImportProblem(ImportProblemKind.NoChildAreas, Value: name));
    }

    /// <summary>
    /// The problems as sentences, rows that share a reason said once: "Dòng 2–13: …" rather than the same sentence per
    /// row. Problems of the same kind (and the same other detail, and the same spreadsheet column) on two or more rows are
    /// grouped, in the order they first occur; when the text written in each row differs, the sentence names the first
    /// row's and then lists the others'. Problems without a row (the file, the date) are said as <see cref="Problem"/> says them.
    /// </summary>
    public IReadOnlyList<string> Problems(IEnumerable<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var list = problems.ToList();
        var groups = list
            .Where(p => p.Line is not null)
            .GroupBy(p => (p.Kind, p.Other, Column: ColumnOf(p.Cell), Value: p.Written is null ? null : p.Value))
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.First(), g => g.OrderBy(p => p.Line).ToList());
        var grouped = groups.Values.SelectMany(g => g).ToHashSet();
        var sentences = new List<string>();
        foreach (var problem in list)
        {
            if (groups.TryGetValue(problem, out var group))
            {
                sentences.Add(Grouped(group));
            }
            else if (!grouped.Contains(problem))
            {
                sentences.Add(Problem(problem));
            }
        }

        return sentences;
    }

    private const int ListedValues = 10;

    private string Grouped(List<ImportProblem> group)
    {
        var lines = Ranges(group.Select(p => p.Line!.Value));
        var column = ColumnOf(group[0].Cell);
        var sentence = Sentence(group[0]);
        // What differs from row to row: the text as written where the problem keeps it, else its value.
        static string Example(ImportProblem p) => p.Written ?? p.Value ?? string.Empty;
        if (group.Select(Example).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            var others = group.Skip(1).Take(ListedValues).Select(p => localizer["dòng {0}: \"{1}\"", p.Line!.Value, Example(p)].Value);
            sentence += " " + localizer["(Số trên là của dòng {0}; các dòng khác: {1})", group[0].Line!.Value, string.Join("; ", others) + (group.Count - 1 > ListedValues ? "; …" : string.Empty)];
        }

        return column is null
            ? localizer["Các dòng {0}: {1}", lines, sentence]
            : localizer["Các dòng {0} (cột {1}): {2}", lines, column, sentence];
    }

    /// <summary>"3, 4, 7–12": row numbers in order, runs of three or more as ranges.</summary>
    private static string Ranges(IEnumerable<int> numbers)
    {
        var sorted = numbers.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add(j - i >= 2 ? $"{sorted[i]}–{sorted[j]}" : string.Join(", ", sorted.Skip(i).Take(j - i + 1)));
            i = j + 1;
        }

        return string.Join(", ", parts);
    }

    /// <summary>The column letters of a spreadsheet cell ("B" of "B12"); null for no cell or a cell that is not a reference.</summary>
    private static string? ColumnOf(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return null;
        }

        var letters = new string([.. cell.TakeWhile(char.IsAsciiLetterUpper)]);
        return letters.Length > 0 && letters.Length < cell.Length && cell[letters.Length..].All(char.IsAsciiDigit) ? letters : null;
    }

    public string Title => localizer["Số liệu không được lưu"];

    /// <summary>The title of a refusal for who asks, not for what was sent (a 403): the one every permission refusal has.</summary>
    public string ForbiddenTitle => localizer["Không có quyền"];

    /// <summary>What an API caller does with a file of another date: nothing was stored; confirm explicitly to store it for <paramref name="chosen"/>.</summary>
    public string ConfirmDateHint(DateOnly chosen) =>
        localizer["Chưa lưu gì. Nếu đúng là số liệu ngày {0}, hãy gửi lại với tham số confirmDate=true.", UiFormat.Date(chosen)];

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
        // The user's text, quoted cut (UiFormat.Echo): a cell of 5 000 characters is named, not printed in full.
        var value = UiFormat.Echo(p.Value);
        return p.Kind switch
        {
            ImportProblemKind.EmptyFile => localizer["tệp trống, không có số liệu."],
            ImportProblemKind.FileTooLarge when p.Value is null => localizer["dữ liệu gửi lên lớn hơn giới hạn {0} byte của một tệp.", Number(p.Other)],
            ImportProblemKind.FileTooLarge => localizer["tệp nặng {0} byte, vượt giới hạn {1} byte.", Number(p.Value), Number(p.Other)],
            ImportProblemKind.NotATable => localizer["tệp không phải bảng CSV hay Excel (.xlsx) đọc được."],
            ImportProblemKind.UnreadableWorkbook => localizer["không mở được tệp Excel: tệp bị hỏng hoặc không đầy đủ."],
            ImportProblemKind.WorkbookTooLarge => localizer["tệp Excel khi giải nén vượt {0} byte, bị từ chối (có thể là tệp nén độc hại).", Number(p.Other)],
            ImportProblemKind.FormulaWithoutValue => localizer["ô có công thức {0} nhưng chưa có giá trị đã tính; hãy mở tệp bằng Excel, lưu lại rồi tải lên.", value],
            ImportProblemKind.TooManyRows => localizer["tệp có quá nhiều dòng (tối đa {0}).", Number(p.Other)],
            ImportProblemKind.MissingColumns => Words.Say(AreaWords.MissingColumns),
            ImportProblemKind.NoCounts => localizer["chỉ có dòng tiêu đề, không có số liệu."],
            ImportProblemKind.TextTooLong => localizer["nội dung \"{0}\" dài hơn {1} ký tự, không phải tên địa bàn.", value, Number(p.Other)],
            ImportProblemKind.UnknownArea => Words.Say(AreaWords.UnknownChild, value),
            ImportProblemKind.UnknownCode => localizer["không có địa bàn nào mang mã \"{0}\".", value],
            ImportProblemKind.CodeNameMismatch => localizer["tên \"{0}\" không khớp với mã, mã này là của {1}.", value, p.Other ?? string.Empty],
            ImportProblemKind.AmbiguousName => localizer["tên \"{0}\" khớp với nhiều địa bàn; hãy ghi mã hoặc tên đầy đủ.", value],
            ImportProblemKind.DuplicateArea => localizer["{0} xuất hiện lần thứ hai (lần đầu ở dòng {1}).", value, p.Other ?? string.Empty],
            ImportProblemKind.MissingName => localizer["có số liệu nhưng không có tên hay mã địa bàn."],
            ImportProblemKind.NotANumber => localizer["\"{0}\" không phải là số.", value],
            ImportProblemKind.NegativeCount => localizer["số đăng ký \"{0}\" là số âm.", value],
            ImportProblemKind.DecimalCount => localizer["số đăng ký \"{0}\" có phần thập phân; phải là số nguyên.", value],
            ImportProblemKind.CountTooLarge => localizer["số đăng ký \"{0}\" quá lớn (tối đa {1}).", value, Number(p.Other ?? CountText.MaxCount.ToString(CultureInfo.InvariantCulture))],
            ImportProblemKind.MissingCount => Words.Say(AreaWords.MissingUnassigned),
            ImportProblemKind.MalformedDate when DateTexts.NoSuchDay(localizer, value) is { } noSuchDay => noSuchDay,
            ImportProblemKind.MalformedDate => localizer["ngày \"{0}\" không đúng định dạng; hãy ghi ngày/tháng/năm (18/8/2020) hoặc năm-tháng-ngày (2020-08-18).", value],
            ImportProblemKind.FutureDate => localizer["ngày {0} chưa đến; không thể nhập số liệu cho ngày trong tương lai.", DateText(p.Value)],
            ImportProblemKind.ReasonRequired => localizer["ngày này đã có số liệu; hãy ghi lý do để lưu bản sửa đổi mới."],
            ImportProblemKind.UnknownRevision => localizer["ngày {0} không có bản sửa đổi #{1}.", DateText(p.Value), p.Other ?? string.Empty],
            ImportProblemKind.NoChildAreas => localizer["{0} chưa có địa bàn trực thuộc nào trong danh mục nên không có bảng số liệu riêng; số liệu của {0} được nhập trong bảng của địa bàn cấp trên.", value],
            ImportProblemKind.SignedOffDate => localizer["số liệu ngày {0} đã được lãnh đạo duyệt thành phụ lục chính thức; chỉ Lãnh đạo hoặc Quản trị viên được sửa hay khôi phục số liệu của ngày đã duyệt, vì mỗi lần sửa sẽ tạo một phụ lục mới phải được duyệt lại.", DateText(p.Value)],
            ImportProblemKind.RestoreReasonRequired => localizer["hãy ghi lý do khôi phục bản #{1} của ngày {0} (việc khôi phục lưu lại số liệu của bản đó thành một bản sửa đổi mới).", DateText(p.Value), p.Other ?? string.Empty],
            ImportProblemKind.OtherFormat => OtherFormat(value),
            ImportProblemKind.LettersLost => localizer["chữ tiếng Việt trong tệp đã bị thay bằng dấu \"?\" khi lưu (\"{0}\") và không khôi phục được; hãy mở bảng gốc và lưu lại với kiểu \"CSV UTF-8\".", value],
            ImportProblemKind.FieldCountMismatch => localizer["dòng có {0} ô nhưng dòng tiêu đề chỉ có {1} cột: có lẽ số \"{2}\" được viết với dấu phẩy hàng nghìn mà không đặt trong ngoặc kép. Hãy bỏ dấu phẩy trong số, hoặc lưu tệp với dấu chấm phẩy.", p.Value ?? string.Empty, p.Other ?? string.Empty, UiFormat.Echo(p.Written)],
            // On the page, a choice is made with its own boxes, named as the page names them.
            ImportProblemKind.AmbiguousSheet when OnPage => localizer["tệp có nhiều trang tính có thể chứa số liệu ({0}) và không trang nào mang tên ngày đã chọn; hãy chọn trang cần đọc ở ô \"{1}\" bên dưới.", p.Other ?? string.Empty, localizer["Trang tính"]],
            ImportProblemKind.NoSheetForDate when OnPage => localizer["không có trang tính nào mang tên ngày {0} (các trang: {1}); trang có số liệu mang tên một ngày khác. Nếu đúng là trang đó, hãy chọn nó ở ô \"{2}\" bên dưới, hoặc sửa ngày.", DateText(p.Value), p.Other ?? string.Empty, localizer["Trang tính"]],
            ImportProblemKind.AmbiguousColumn when OnPage => localizer["có nhiều cột có thể là số đăng ký ({0}) và không cột nào ghi ngày đã chọn; hãy chọn cột cần đọc ở ô \"{1}\" bên dưới.", p.Other ?? string.Empty, localizer["Cột số đăng ký"]],
            ImportProblemKind.ColumnForOtherDate when OnPage => localizer["cột số đăng ký ghi \"{0}\", một ngày khác ngày đã chọn; hãy kiểm tra ngày, hoặc chọn cột này ở ô \"{1}\" bên dưới nếu đúng là nó.", value, localizer["Cột số đăng ký"]],
            ImportProblemKind.AmbiguousSheet => localizer["tệp có nhiều trang tính có thể chứa số liệu ({0}) và không trang nào mang tên ngày đã chọn; hãy chọn trang cần đọc (API: tham số sheet=, dòng lệnh: --sheet).", p.Other ?? string.Empty],
            ImportProblemKind.NoSheetForDate => localizer["không có trang tính nào mang tên ngày {0} (các trang: {1}); trang có số liệu mang tên một ngày khác. Nếu đúng là trang đó, hãy chọn nó (sheet= / --sheet).", DateText(p.Value), p.Other ?? string.Empty],
            ImportProblemKind.UnknownSheet => localizer["tệp không có trang tính \"{0}\" (các trang: {1}).", value, p.Other ?? string.Empty],
            ImportProblemKind.AmbiguousColumn => localizer["có nhiều cột có thể là số đăng ký ({0}) và không cột nào ghi ngày đã chọn; hãy chọn cột cần đọc (API: tham số column=, dòng lệnh: --column).", p.Other ?? string.Empty],
            ImportProblemKind.ColumnForOtherDate => localizer["cột số đăng ký ghi \"{0}\", một ngày khác ngày đã chọn; hãy kiểm tra ngày, hoặc chọn cột này (column= / --column) nếu đúng là nó.", value],
            ImportProblemKind.UnknownColumn => localizer["không có cột \"{0}\" (các cột số liệu: {1}).", value, p.Other ?? string.Empty],
            ImportProblemKind.ErrorValue => localizer["ô chứa giá trị lỗi {0} của Excel thay vì số đăng ký; hãy sửa công thức hoặc ghi số.", value],
            ImportProblemKind.DuplicateFile => localizer["tệp này đã được nhập cho ngày này (bản #{0}).", p.Other ?? string.Empty],
            ImportProblemKind.DateTooEarly => localizer["ngày {0} trước ngày {1}, ngày sớm nhất được nhận.", DateText(p.Value), DateText(p.Other)],
            ImportProblemKind.ReasonTooLong => localizer["lý do dài {0} ký tự, vượt giới hạn {1} ký tự.", Number(p.Value), Number(p.Other)],
            ImportProblemKind.FileNameTooLong => localizer["tên tệp dài {0} ký tự, vượt giới hạn {1} ký tự.", Number(p.Value), Number(p.Other)],
            ImportProblemKind.RevisionMoved => string.IsNullOrEmpty(p.Value)
                ? localizer["trong lúc bạn xem trước, đã có người lưu số liệu cho ngày này (bản #{0}); chưa lưu gì — hãy xem lại số liệu mới rồi lưu lại.", p.Other ?? string.Empty]
                : localizer["trong lúc bạn xem trước bản #{0}, đã có người lưu bản #{1}; chưa lưu gì — hãy xem lại số liệu mới rồi lưu lại.", value, p.Other ?? string.Empty],
            ImportProblemKind.ModeRequired when OnPage => Words.Say(
                AreaWords.ModeRequiredOnPage, Number(p.Value), Number(p.Other), Words.Say(AreaWords.ModeQuestion), Words.Say(AreaWords.ModeReplace), Words.Say(AreaWords.ModeUpdate)),
            ImportProblemKind.ModeRequired => Words.Say(AreaWords.ModeRequired, Number(p.Value), Number(p.Other)),
            ImportProblemKind.UnassignedModeRequired when OnPage => Words.Say(
                AreaWords.UnassignedModeRequiredOnPage, Number(p.Value), Words.Say(AreaWords.ModeQuestion), Words.Say(AreaWords.ModeReplace), Words.Say(AreaWords.ModeUpdate)),
            ImportProblemKind.UnassignedModeRequired => Words.Say(AreaWords.UnassignedModeRequired, Number(p.Value)),
            ImportProblemKind.UnknownMode => Words.Say(AreaWords.UnknownMode, value),
            ImportProblemKind.BlankCount => Words.Say(AreaWords.BlankCount),
            ImportProblemKind.UnchangedCounts => localizer["số liệu giống hệt bản hiện hành #{0} của ngày này (mọi số và số chưa xác định); không có gì thay đổi nên chưa lưu bản mới.", p.Other ?? string.Empty],
            _ => p.Kind.ToString(),
        };
    }

    /// <summary>The real format of a file we do not read, and how to save it as one we do.</summary>
    private string OtherFormat(string format) => format switch
    {
        "ods" => localizer["tệp là bảng tính OpenDocument (.ods), định dạng chưa đọc được; hãy mở tệp bằng LibreOffice Calc hoặc Excel, chọn Lưu thành (Save As) và chọn kiểu Excel (.xlsx)."],
        "html" => localizer["tệp là một trang web (HTML) được lưu với đuôi .xls, không phải sổ làm việc Excel; hãy mở tệp bằng Excel, chọn Lưu thành (Save As) và chọn kiểu Sổ làm việc Excel (.xlsx)."],
        "xml2003" => localizer["tệp là bảng tính XML của Excel 2003 (XML Spreadsheet 2003) được lưu với đuôi .xls; hãy mở tệp bằng Excel, chọn Lưu thành (Save As) và chọn kiểu Sổ làm việc Excel (.xlsx)."],
        "pdf" => localizer["tệp là tài liệu PDF, không phải bảng số liệu; hãy gửi bảng dưới dạng Excel (.xlsx) hoặc CSV."],
        "doc" => localizer["tệp là văn bản (Word, RTF hoặc tài liệu văn phòng khác), không phải bảng tính; hãy chép bảng sang Excel và lưu thành .xlsx."],
        _ => localizer["tệp nén .zip không chứa sổ làm việc Excel; hãy giải nén và tải lên tệp .xlsx bên trong."],
    };

    /// <summary>Why a row was not read as a count, as shown in the preview.</summary>
    public string Skipped(SkipReason reason) => reason switch
    {
        SkipReason.BeforeHeader => localizer["trên dòng tiêu đề"],
        SkipReason.SubHeader => localizer["dòng tiêu đề thứ hai"],
        SkipReason.ColumnNumbers => localizer["dòng đánh số cột"],
        SkipReason.Total => localizer["dòng tổng (chỉ dùng để đối chiếu)"],
        SkipReason.AfterTotal => localizer["dưới dòng tổng (chữ ký, ghi chú)"],
        _ => Words.Say(AreaWords.MissingRow),
    };

    /// <summary>"đã chuyển từ mã TCVN3 sang Unicode".</summary>
    public string Converted(LegacyEncoding encoding) => localizer["đã chuyển từ mã {0} sang Unicode", LegacyVietnamese.Name(encoding)];

    /// <summary>A whole number kept as invariant text in a problem (a size, a limit), written the Vietnamese way.</summary>
    private static string Number(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? UiFormat.Count(n) : value ?? string.Empty;

    private static string DateText(string? iso) =>
        VietnameseFormat.TryParseIsoDate(iso, out var date) ? UiFormat.Date(date) : iso ?? string.Empty;
}
