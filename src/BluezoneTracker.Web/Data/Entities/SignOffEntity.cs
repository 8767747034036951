namespace BluezoneTracker.Web.Data.Entities;

/// <summary>A Director's statement that one revision of a date's counts is official ("Đã duyệt").</summary>
public sealed class SignOffEntity
{
    public long Id { get; set; }

    public long RevisionId { get; set; }

    public SnapshotRevisionEntity? Revision { get; set; }

    public required string SignedBy { get; set; }

    public string SignedByName { get; set; } = string.Empty;

    public DateTimeOffset SignedAt { get; set; }
}
