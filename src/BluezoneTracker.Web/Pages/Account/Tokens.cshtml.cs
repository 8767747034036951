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
/// The signed-in user's personal API tokens: create (shown once), list, revoke. Open to Staff and above. Creating is for
/// accounts whose own area has a counts table (the navbar's link asks the same <see cref="Scope.AreaScope.HasTableOf"/>):
/// an account of an area without child areas sends counts nowhere (decision 083). Such an account still sees and revokes
/// the tokens it made before (round 9's trial: it got a 403 and could not revoke them; decision 160).
/// </summary>
public sealed class TokensModel(AppDbContext db, ApiTokens tokens, UserManager<AppUser> users, TimeProvider clock, Scope.AreaScope scope, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Refuses creating a token (403 with the reason) for an account whose area has no counts table; listing and revoking stay open.</summary>
    /// <remarks>[NonHandler]: an override does not inherit the base's, and the page would offer it as a handler ("HandlerExecuting").</remarks>
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!MayCreate && string.Equals(context.HandlerMethod?.Name, "Create", StringComparison.Ordinal))
        {
            HttpContext.Items[Scope.AreaRouting.RefusalMessageKey] = WhyNoCreate;
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>Whether this account may create tokens: its own area has a counts table.</summary>
    public bool MayCreate => scope.HasTableOf(ActingUser.Of(HttpContext));

    /// <summary>Why this account may not create tokens, said where the form would be and in the refusal.</summary>
    public string WhyNoCreate
    {
        get
        {
            var actor = ActingUser.Of(HttpContext);
            var own = actor.AreaCode is { } code ? scope.Directory.Find(code)?.Name ?? code : string.Empty;
            return localizer["Mã truy cập API dùng để phần mềm gửi số liệu thay bạn; {0} không có bảng số liệu riêng (số của {0} được nhập trong bảng của địa bàn cấp trên) nên tài khoản này không tạo được mã truy cập.", own].Value;
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
