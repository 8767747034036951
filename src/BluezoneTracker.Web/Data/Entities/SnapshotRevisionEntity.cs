using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Snapshots;

namespace BluezoneTracker.Web.Data.Entities;

/// <summary>
/// One revision of one date's counts for a parent area. Rows are only ever inserted: the newest
/// revision (highest <see cref="Number"/>) of a date is the current one.
/// </summary>
public sealed class SnapshotRevisionEntity
{
    public long Id { get; set; }

    /// <summary>The parent area whose children the counts are for.</summary>
    public int AreaId { get; set; }

    public AreaEntity? Area { get; set; }

    public DateOnly Date { get; set; }

    public int Number { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public RevisionSource Source { get; set; }

    public string? FileName { get; set; }

    public string? Reason { get; set; }

    public long Unassigned { get; set; }

    /// <summary>The file the counts were imported from, when they came from one.</summary>
    public long? UploadedFileId { get; set; }

    public UploadedFileEntity? UploadedFile { get; set; }

    public List<SnapshotCountEntity> Counts { get; set; } = [];

    /// <summary>The sum and number of <see cref="Counts"/>, written with the revision (null only for a revision stored before totals existed and not yet filled).</summary>
    public RevisionTotalEntity? Total { get; set; }
}

public sealed class SnapshotCountEntity
{
    public long RevisionId { get; set; }

    public int AreaId { get; set; }

    public AreaEntity? Area { get; set; }

    public long Registrations { get; set; }
}
