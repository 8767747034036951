using BluezoneTracker.Web.Snapshots;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Pages.Snapshots;

/// <summary>
/// Refuses an upload far over the limit before anything reads it as a form: the page is shown again with the file's
/// size — its part of the body counted as it streams by, keeping nothing, since the request's size counts the form's
/// framing and fields too (round 9's trial) — and the limit. An authorization filter, so that it runs before the
/// anti-forgery check, which reads (and buffers to disk) the whole form to find its token; refusing skips that check
/// safely: nothing is written, the answer is a redirect to the page (decision 161).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadSizeFilterAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before the framework's anti-forgery filter (order 1 000).</summary>
    public int Order => int.MinValue;

    /// <inheritdoc/>
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var limit = context.HttpContext.RequestServices.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileBytes;
        if (HttpMethods.IsPost(request.Method) && request.ContentLength is { } length && length > limit + ImportOptions.FormOverheadBytes)
        {
            // 0 stands for "size not known" (no file is too large at 0 bytes): the page then says only the limit.
            var file = await OversizedUpload.FileLengthAsync(request, context.HttpContext.RequestAborted);
            context.Result = new RedirectToPageResult("/Snapshots/Upload", new { tooLarge = file > limit ? file : 0 });
        }
    }
}
