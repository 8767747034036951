namespace BluezoneTracker.Web.Data.Entities;

/// <summary>
/// A file from which counts were imported, kept whole so that the source of every figure can be
/// downloaded again. Stored once per content (SHA-256); revisions point to it.
/// </summary>
public sealed class UploadedFileEntity
{
    public long Id { get; set; }

    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBy { get; set; }
}
