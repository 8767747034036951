using BluezoneTracker.Web.Snapshots;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Pages.Snapshots;

/// <summary>
/// Refuses an upload far over the limit before form binding reads it (binding would otherwise fail with a bare 400):
/// the page is shown again with the file's size — measured by reading the body through once, keeping nothing, since
/// the request's size counts the form's framing and fields too (round 9's trial) — and the limit.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadSizeFilterAttribute : Attribute, IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var limit = context.HttpContext.RequestServices.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileBytes;
        if (HttpMethods.IsPost(request.Method) && request.ContentLength is { } length && length > limit + ImportOptions.FormOverheadBytes)
        {
            // 0 stands for "size not known" (no file is too large at 0 bytes): the page then says only the limit.
            var file = await OversizedUpload.FileLengthAsync(request, context.HttpContext.RequestAborted);
            context.Result = new RedirectToPageResult("/Snapshots/Upload", new { tooLarge = file > limit ? file : 0 });
            return;
        }

        await next();
    }
}
