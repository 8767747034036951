using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages;

/// <summary>
/// A form posted without a valid anti-forgery token — a page left open past the session, signed out in another tab,
/// an old copy of the page — is refused with a 400 as before, but the error page now says why and what to do instead
/// of a bare "Yêu cầu không hợp lệ": the form is stale or the session expired, nothing was saved, reload and try again
/// (a fresh user's trial, round 8). Runs on every page's result, after the framework's anti-forgery check refused it.
/// </summary>
internal sealed class StaleFormMessage(IStringLocalizer<SharedResource> localizer) : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            // The status-code page shows this message instead of its generic text (the same hand-over as an area refusal).
            context.HttpContext.Items[Scope.AreaRouting.RefusalMessageKey] =
                localizer["Biểu mẫu này đã cũ hoặc phiên đăng nhập đã hết hạn nên yêu cầu bị từ chối; chưa lưu gì. Hãy tải lại trang rồi thử lại."].Value;
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
