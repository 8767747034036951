using System.ComponentModel.DataAnnotations;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages.Account;

/// <summary>
/// The signed-in user's personal API tokens: create (shown once), list, revoke. Open to Staff and above whose own area
/// has a counts table — the navbar's link asks the same <see cref="Scope.AreaScope.HasTableOf"/>: an account of an area
/// without child areas sends counts nowhere, so it gets neither the link nor the page (decisions 083, 141).
/// </summary>
public sealed class TokensModel(AppDbContext db, ApiTokens tokens, UserManager<AppUser> users, TimeProvider clock, Scope.AreaScope scope, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Refuses every handler (403 with the reason) for an account whose area has no counts table.</summary>
    /// <remarks>[NonHandler]: an override does not inherit the base's, and the page would offer it as a handler ("HandlerExecuting").</remarks>
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = ActingUser.Of(HttpContext);
        if (!scope.HasTableOf(actor))
        {
            var own = actor.AreaCode is { } code ? scope.Directory.Find(code)?.Name ?? code : string.Empty;
            HttpContext.Items[Scope.AreaRouting.RefusalMessageKey] = localizer[
                "Mã truy cập API dùng để phần mềm gửi số liệu thay bạn; {0} không có bảng số liệu riêng (số của {0} được nhập trong bảng của địa bàn cấp trên) nên tài khoản này không có mã truy cập.", own].Value;
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public string? NewToken { get; private set; }

    public IReadOnlyList<ApiTokenEntity> Tokens { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var user = await users.GetUserAsync(User);
            NewToken = await tokens.CreateAsync(user!, Input.Name, Input.Days, cancellationToken);
            ModelState.Clear();
            Input = new TokenInput();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        return await tokens.RevokeAsync(users.GetUserId(User)!, id, cancellationToken) ? RedirectToPage() : NotFound();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
    }

    public sealed class TokenInput
    {
        [Required(ErrorMessage = "Vui lòng đặt tên cho mã.")]
        [StringLength(100, ErrorMessage = "Tên mã dài tối đa 100 ký tự.")]
        [Display(Name = "Tên mã (để nhận biết)")]
        public string Name { get; set; } = string.Empty;

        [Range(1, ApiTokens.MaxDays, ErrorMessage = "Thời hạn phải từ 1 đến 366 ngày.")]
        [Display(Name = "Hết hạn sau (ngày)")]
        public int Days { get; set; } = 90;
    }
}
