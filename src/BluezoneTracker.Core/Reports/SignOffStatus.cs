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
    public string? ApprovedLine => Current is { } s ? $"Đã duyệt: {s.SignedBy}, {VietnameseFormat.Moment(s.SignedAt)}" : null;

    /// <summary>Said when a signed revision was replaced by a newer, unsigned one.</summary>
    public string? SupersededLine => Current is null && Superseded is { } s
        ? s.RevisionNumber == RevisionNumber
            ? $"Bản đã duyệt ({s.SignedBy}, {VietnameseFormat.Moment(s.SignedAt)}) khác với bản nháp này theo số liệu hiện tại (dân số, chỉ tiêu hoặc cài đặt đã thay đổi)."
            : $"Lần nhập {s.RevisionNumber} đã được duyệt ({s.SignedBy}, {VietnameseFormat.Moment(s.SignedAt)}) nhưng đã bị thay thế bởi lần nhập {RevisionNumber}."
        : null;

    /// <summary>The line the Excel and PDF files print about the sign-off: approved, or superseded, or none.</summary>
    public string? StatusLine => ApprovedLine ?? SupersededLine;
}
