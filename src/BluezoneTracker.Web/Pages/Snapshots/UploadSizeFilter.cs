using BluezoneTracker.Web.Snapshots;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Pages.Snapshots;

/// <summary>
/// Refuses an upload far over the limit before its body is read (form binding would otherwise fail
/// with a bare 400): the page is shown again with the size and the limit.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadSizeFilterAttribute : Attribute, IAsyncResourceFilter
{
    public Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var limit = context.HttpContext.RequestServices.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileBytes;
        if (HttpMethods.IsPost(request.Method) && request.ContentLength is { } length && length > limit + ImportOptions.FormOverheadBytes)
        {
            context.Result = new RedirectToPageResult("/Snapshots/Upload", new { tooLarge = length });
            return Task.CompletedTask;
        }

        return next();
    }
}
