using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages;

/// <summary>Shown for unhandled errors and for status codes without a body (404 and the like).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string Title { get; private set; } = string.Empty;

    public string Detail { get; private set; } = string.Empty;

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Detail) = code switch
        {
            404 => (localizer["Không tìm thấy trang"].Value, localizer["Địa chỉ này không có trong BluezoneTracker."].Value),
            403 => (localizer["Không có quyền"].Value, localizer["Tài khoản của bạn không được phép xem trang này."].Value),
            429 => (localizer["Quá nhiều lần thử"].Value, TooManyRequests()),
            >= 400 and < 500 => (localizer["Yêu cầu không hợp lệ"].Value, localizer["Vui lòng kiểm tra lại địa chỉ hoặc dữ liệu đã gửi."].Value),
            _ => (localizer["Đã xảy ra lỗi"].Value, localizer["Hệ thống gặp sự cố. Số liệu không bị thay đổi; vui lòng thử lại sau."].Value),
        };

        // An unknown area code, an area outside the account's, or two areas in one request is named rather than a generic text.
        if (code is 400 or 403 or 404 && HttpContext.Items[Scope.AreaRouting.RefusalMessageKey] is string refusal)
        {
            Detail = refusal;
        }
    }

    /// <summary>
    /// The 429 of the rate limits (sign-in attempts and API calls per minute from one address or account,
    /// <c>RateLimits:*</c>): says what happened and when to try again, from the response's Retry-After (seconds).
    /// </summary>
    private string TooManyRequests()
    {
        var seconds = int.TryParse(Response.Headers.RetryAfter.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 60;
        return localizer["Có quá nhiều yêu cầu từ máy này trong một phút (ví dụ: đăng nhập nhiều lần). Vui lòng đợi {0} giây rồi thử lại.", seconds].Value;
    }
}
