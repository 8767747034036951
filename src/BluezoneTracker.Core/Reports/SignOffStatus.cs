using BluezoneTracker.Core.Formatting;

namespace BluezoneTracker.Core.Reports;

/// <summary>Who declared a revision official, and when.</summary>
public sealed record SignOff(string SignedBy, DateTimeOffset SignedAt, int RevisionNumber);

/// <summary>
/// Whether a date's current revision is official. Every rendering of the annex (HTML, Excel, PDF)
/// shows <see cref="DraftMark"/> while <see cref="IsDraft"/>, and <see cref="ApprovedLine"/> once signed.
/// </summary>
public sealed record SignOffStatus(DateOnly Date, int RevisionNumber, SignOff? Current, SignOff? Superseded)
{
    public const string DraftMark = "BẢN NHÁP";

    public bool IsDraft => Current is null;

    /// <summary>"Đã duyệt: Lê Văn A, 09:30 18/8/2020", or null for a draft.</summary>
    public string? ApprovedLine => Current is { } s ? $"Đã duyệt: {By(s)}" : null;

    /// <summary>
    /// Set when this unsigned annex is the signed revision asked with another comparison date than the one it was
    /// signed with: the signed annex is the one with its comparison, so the reason it is a draft is the comparison.
    /// </summary>
    public OtherComparison? Comparison { get; init; }

    /// <summary>
    /// Set when this unsigned annex (the new draft asked for, or the sign-off page's) is the signed revision with its
    /// comparison, and the current data gives every cell and printed setting as signed: nothing changed since the
    /// sign-off, and the line says so instead of a change (round 8's trial: the sign-off page, reloaded after signing,
    /// said "populations, targets or settings changed" when nothing had).
    /// </summary>
    public bool SameAsSigned { get; init; }

    /// <summary>
    /// Said when the annex shown is not the signed one: its revision was replaced by a newer one, or it is asked with
    /// another comparison date than the signed one (and whether the data changed too), or the current data (populations,
    /// targets or settings) gives another annex than the signed one, or — <see cref="SameAsSigned"/> — the very annex signed.
    /// </summary>
    public string? SupersededLine => (Current, Superseded) switch
    {
        (not null, _) or (_, null) => null,
        (_, { } s) when s.RevisionNumber != RevisionNumber =>
            $"Lần nhập {s.RevisionNumber} đã được duyệt ({By(s)}) nhưng đã bị thay thế bởi lần nhập {RevisionNumber}.",
        (_, { } s) when Comparison is { } c =>
            $"Bản đã duyệt ({By(s)}) là bản ngày {VietnameseFormat.Date(Date)} {Against(c.SignedWith)}; bản này {Against(c.ShownWith)}"
            + c.DataChanged switch
            {
                true => $", và {ChangedText} cũng đã thay đổi sau khi duyệt.",
                false => ", chỉ khác ở ngày so sánh.",
                null => ".",
            },
        (_, { } s) when SameAsSigned =>
            $"Ngày này đã được duyệt ({By(s)}); số liệu, dân số, chỉ tiêu và cài đặt hiện tại cho đúng bản đã duyệt, chưa có gì thay đổi.",
        (_, { } s) =>
            $"Bản đã duyệt ({By(s)}) khác với bản nháp này theo số liệu hiện tại ({ChangedText} đã thay đổi).",
    };

    /// <summary>
    /// What changed since the sign-off, part by part, as compared (<see cref="AnnexParts.Changed"/>): said instead of the
    /// hedge "populations, targets or settings" (round 9's trial: a count of the comparison date can change too). Null:
    /// not compared, and the line names every part that can change.
    /// </summary>
    public IReadOnlyList<AnnexPart>? Changed { get; init; }

    /// <summary>"dân số dùng để tính tỷ lệ, tên cơ quan hoặc ký hiệu văn bản": the parts that changed, as the lines say them.</summary>
    private string ChangedText => Changed is { Count: > 0 } parts
        ? string.Join(", ", parts.Select(PartText))
        : "số liệu, dân số, chỉ tiêu hoặc cài đặt";

    /// <summary>A part of an annex as every Vietnamese line about a change names it (the sign-off page's refusal too).</summary>
    public static string PartText(AnnexPart part) => part switch
    {
        AnnexPart.Counts => "số liệu đăng ký",
        AnnexPart.Populations => "dân số dùng để tính tỷ lệ",
        AnnexPart.Target => "chỉ tiêu đang áp dụng",
        AnnexPart.Agency => "tên cơ quan hoặc ký hiệu văn bản",
        AnnexPart.Settings => "cài đặt báo cáo (nơi ban hành, người ký, số công văn)",
        _ => "nội dung khác của phụ lục (như tên địa bàn hoặc cảnh báo)",
    };

    /// <summary>"Lê Văn A, 09:30 18/8/2020": who signed and when, as every line about a sign-off writes it.</summary>
    private static string By(SignOff s) => $"{s.SignedBy}, {VietnameseFormat.Moment(s.SignedAt)}";

    private static string Against(DateOnly? compare) => compare is { } d ? $"so với ngày {VietnameseFormat.Date(d)}" : "không so sánh với ngày nào";

    /// <summary>The line the Excel and PDF files print about the sign-off: approved, or superseded, or none.</summary>
    public string? StatusLine => ApprovedLine ?? SupersededLine;
}

/// <summary>
/// A signed revision asked with another comparison date: <see cref="SignedWith"/> is the comparison it was signed with,
/// <see cref="ShownWith"/> the one asked for (null: none), and <see cref="DataChanged"/> whether the signed comparison's
/// annex of the current data differs from the signed one too (populations, targets or settings changed since; null: not
/// known, when the signed annex has no comparison to ask the current data with).
/// </summary>
public sealed record OtherComparison(DateOnly? SignedWith, DateOnly? ShownWith, bool? DataChanged);
