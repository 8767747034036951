namespace BluezoneTracker.Web.Data.Entities;

/// <summary>
/// A Director's statement that one revision of a date's counts is official ("Đã duyệt"). Rows are only ever
/// inserted; the newest sign-off of a date is the signed annex every later rendering reproduces.
/// </summary>
public sealed class SignOffEntity
{
    public long Id { get; set; }

    public long RevisionId { get; set; }

    public SnapshotRevisionEntity? Revision { get; set; }

    public required string SignedBy { get; set; }

    public string SignedByName { get; set; } = string.Empty;

    public DateTimeOffset SignedAt { get; set; }

    /// <summary>
    /// The annex exactly as signed (Core's SignedAnnex as JSON): every cell, the populations and target
    /// used, the report settings and the dispatch details. Null only for sign-offs made before it was kept.
    /// </summary>
    public string? Annex { get; set; }
}
