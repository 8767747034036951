using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Infrastructure;

/// <summary>
/// Every <c>/api</c> answer without a body of its own — 401, 403, 404, 405, 413, 429, … — is
/// <c>application/problem+json</c> with a title in the UI language, so a program never has to parse an
/// HTML error page; 429 also says when to retry (<c>Retry-After</c>, set by the rate limiter).
/// </summary>
internal static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static bool IsApi(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Status-code pages for the API: problem+json instead of the HTML error page.</summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(c => IsApi(c.Request), api => api.UseStatusCodePages(c => WriteAsync(c.HttpContext, c.HttpContext.Response.StatusCode)));

    /// <summary>Writes a problem+json body for <paramref name="status"/>, with <paramref name="detail"/> when given.</summary>
    public static Task WriteAsync(HttpContext context, int status, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        context.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = Title(status, localizer),
            Detail = detail,
            Instance = AreaPrefix.RequestedPath(context),
        };
        problem.Extensions["traceId"] = context.Features.Get<IHttpActivityFeature>()?.Activity?.Id ?? context.TraceIdentifier;
        return context.Response.WriteAsJsonAsync(problem, options: null, contentType: ContentType, context.RequestAborted);
    }

    private static string Title(int status, IStringLocalizer localizer) => status switch
    {
        StatusCodes.Status401Unauthorized => localizer["Chưa đăng nhập, hoặc mã API không hợp lệ, đã hết hạn hay đã bị thu hồi."],
        StatusCodes.Status403Forbidden => localizer["Không có quyền"],
        StatusCodes.Status404NotFound => localizer["Không tìm thấy"],
        StatusCodes.Status405MethodNotAllowed => localizer["Phương thức này không dùng được ở địa chỉ này."],
        StatusCodes.Status413PayloadTooLarge => localizer["Dữ liệu gửi lên quá lớn."],
        StatusCodes.Status415UnsupportedMediaType => localizer["Kiểu nội dung không được hỗ trợ."],
        StatusCodes.Status429TooManyRequests => localizer["Quá nhiều yêu cầu; vui lòng thử lại sau."],
        >= 400 and < 500 => localizer["Yêu cầu không hợp lệ"],
        _ => localizer["Đã xảy ra lỗi"],
    };
}
