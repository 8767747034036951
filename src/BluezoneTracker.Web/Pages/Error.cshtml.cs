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
            >= 400 and < 500 => (localizer["Yêu cầu không hợp lệ"].Value, localizer["Vui lòng kiểm tra lại địa chỉ hoặc dữ liệu đã gửi."].Value),
            _ => (localizer["Đã xảy ra lỗi"].Value, localizer["Hệ thống gặp sự cố. Số liệu không bị thay đổi; vui lòng thử lại sau."].Value),
        };

        // An unknown area code, an area outside the account's, or two areas in one request is named rather than a generic text.
        if (code is 400 or 403 or 404 && HttpContext.Items[Scope.AreaRouting.RefusalMessageKey] is string refusal)
        {
            Detail = refusal;
        }
    }
}
