namespace BluezoneTracker.Web.Snapshots;

/// <summary>
/// The size of the file in a request refused as too large, so that the refusal gives the file's size, not the
/// request's (a multipart form's framing and fields are not the file; round 9's trial): the first file of a form, or
/// the whole body sent as the file (counted, not kept).
/// </summary>
public static class OversizedUpload
{
    /// <summary>The file's size in bytes, or null when it cannot be told (no file part; the body ended early or was cut off).</summary>
    public static async Task<long?> FileLengthAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            // Only multipart is a form here: curl --data-binary sends a file as "x-www-form-urlencoded", the whole body being the file.
            if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
            {
                // The form as already read (the anti-forgery check reads it before any page filter), else read now;
                // its file parts are buffered by the framework, not kept by us.
                var form = await request.ReadFormAsync(ct);
                return form.Files.Count > 0 ? form.Files[0].Length : null;
            }

            return request.ContentLength ?? await CountAsync(request.Body, ct);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException)
        {
            // A body cut off, malformed, or over the server's own limit: the size is not known, and the refusal says only the limit.
            return null;
        }
    }

    /// <summary>Counts what is left of a body (and of the bytes already read, <paramref name="already"/>), keeping none of it.</summary>
    public static async Task<long> CountAsync(Stream body, CancellationToken ct, long already = 0)
    {
        ArgumentNullException.ThrowIfNull(body);
        var chunk = new byte[81920];
        var total = already;
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            total += read;
        }

        return total;
    }
}
