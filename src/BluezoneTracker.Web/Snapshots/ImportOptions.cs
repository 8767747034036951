namespace BluezoneTracker.Web.Snapshots;

/// <summary>Limits on uploaded files (section "Import" of the configuration).</summary>
public sealed class ImportOptions
{
    /// <summary>Room a multipart form needs beyond its file: the other fields and the framing.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    /// <summary>The largest file accepted, in bytes (5 MB: a province's daily counts take a few KB).</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The largest total uncompressed size of an .xlsx workbook, in bytes: beyond it the file is refused as a zip bomb.</summary>
    public long MaxUncompressedBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>All files waiting between preview and confirmation (the PendingUploads table), in bytes, at most.</summary>
    public long MaxPendingBytes { get; set; } = 256 * 1024 * 1024;
}
