using System.ComponentModel.DataAnnotations;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Pages.Account;

/// <summary>The signed-in user's personal API tokens: create (shown once), list, revoke.</summary>
public sealed class TokensModel(AppDbContext db, ApiTokens tokens, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
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
