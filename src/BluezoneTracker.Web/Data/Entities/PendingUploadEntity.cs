namespace BluezoneTracker.Web.Data.Entities;

/// <summary>
/// An uploaded file between its preview and its confirmation. Kept in the store, not in one process's
/// memory, so that any app instance can confirm it; never read by reports. Rows expire
/// (<see cref="ExpiresAt"/>) and the total bytes are bounded (Import:MaxPendingBytes); see
/// <see cref="Import.PendingUploads"/>.
/// </summary>
public sealed class PendingUploadEntity
{
    /// <summary>The unguessable token (32 lower-case hex characters) the confirmation names.</summary>
    public required string Token { get; set; }

    /// <summary>The user who previewed it; only this user may confirm it.</summary>
    public required string Owner { get; set; }

    /// <summary>The as-of date typed with the upload, as typed (checked again on confirmation).</summary>
    public required string Date { get; set; }

    /// <summary>The file name as uploaded (already cleaned by <see cref="Import.UploadedFile"/>).</summary>
    public required string FileName { get; set; }

    /// <summary>The file's bytes.</summary>
    public required byte[] Content { get; set; }

    /// <summary>The length of <see cref="Content"/>, in bytes, summed for the size limit without reading the contents.</summary>
    public long Length { get; set; }

    /// <summary>When the file may no longer be confirmed (UTC).</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
