using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>
/// The size of the file in a request refused as too large, so that the refusal gives the file's size, not the
/// request's (a multipart form's framing and fields are not the file; round 9's trial): the first file part of a form,
/// streamed and counted in small buffers — never read as a form, which would buffer the part to disk (decision 161) —
/// or the whole body sent as the file (counted, not kept).
/// </summary>
public static class OversizedUpload
{
    private const int BufferBytes = 16 * 1024;

    /// <summary>
    /// The file's size in bytes, or null when it cannot be told: no file part; a broken form (no boundary, a cut body,
    /// endless headers); or a body the server stopped reading (over its own limit on a request) before the file ended.
    /// </summary>
    public static async Task<long?> FileLengthAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            // Only multipart is a form here: curl --data-binary sends a file as "x-www-form-urlencoded", the whole body being the file.
            if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
            {
                return await FirstFilePartLengthAsync(request, ct);
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
        var chunk = new byte[BufferBytes];
        var total = already;
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>The length of the form's first file part, counted to its end; the parts before it are skipped unread.</summary>
    private static async Task<long?> FirstFilePartLengthAsync(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 and <= 70 } boundary)
        {
            return null;
        }

        var reader = new MultipartReader(boundary.ToString(), request.Body, BufferBytes);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
            {
                // The part's stream ends at its boundary; a body cut before it throws (IOException): no size.
                return await CountAsync(section.Body, ct);
            }
        }

        return null;
    }
}
