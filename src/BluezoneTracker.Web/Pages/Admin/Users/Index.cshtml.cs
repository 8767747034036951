using System.ComponentModel.DataAnnotations;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages.Admin.Users;

/// <summary>All users with their role and state; an administrator creates new ones here.</summary>
public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, AuditLog audit, DemoAccounts demo, IStringLocalizer<SharedResource> localizer, Scope.AreaScope scope) : PageModel
{
    /// <summary>The areas this administrator manages accounts of (its own subtree).</summary>
    public AccountAreas Areas { get; private set; } = null!;

    [BindProperty]
    public NewUser Input { get; set; } = new();

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Areas = await AreasAsync(cancellationToken);
        var area = Areas.Find(Input.AreaCode);
        if (area is null)
        {
            ModelState.AddModelError(string.Empty, localizer["Địa bàn \"{0}\" không thuộc phạm vi tài khoản bạn quản lý.", Input.AreaCode ?? string.Empty]);
        }

        if (!Roles.IsKnown(Input.Role))
        {
            ModelState.AddModelError(string.Empty, localizer["Vai trò không hợp lệ."]);
        }
        else if (ModelState.IsValid && await users.FindByNameAsync(Input.UserName.Trim()) is not null)
        {
            ModelState.AddModelError(string.Empty, localizer["Tên đăng nhập \"{0}\" đã có người dùng.", Input.UserName.Trim()]);
        }

        if (ModelState.IsValid)
        {
            var user = new AppUser { UserName = Input.UserName.Trim(), DisplayName = Input.DisplayName?.Trim() ?? string.Empty, AreaId = area!.Id };
            var created = await users.CreateAsync(user, Input.Password);
            if (created.Succeeded)
            {
                await users.AddToRoleAsync(user, Input.Role);
                await audit.RecordAsync(AuditKinds.UserCreated, user.UserName, after: new { user.DisplayName, Input.Role, Area = area!.Code }, cancellationToken: cancellationToken);
                demo.Invalidate();
                TempData[Shared.SavedMessage.Key] = localizer["Đã tạo tài khoản {0} với vai trò {1}.", user.UserName, PasswordRules.RoleName(Input.Role, localizer)].Value;
                return RedirectToPage();
            }

            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(string.Empty, PasswordRules.Describe(error, localizer));
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public string RoleName(string? role) => PasswordRules.RoleName(role, localizer);

    private async Task<AccountAreas> AreasAsync(CancellationToken cancellationToken)
    {
        await scope.CodeAsync(cancellationToken);
        return new AccountAreas(scope.Directory, scope.DeploymentArea, Accounts.ActingUser.Of(HttpContext));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Areas ??= await AreasAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Input.AreaCode))
        {
            Input.AreaCode = Areas.Choices.Count > 0 ? Areas.Choices[0].Code : null;
        }

        var all = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.IsDisabled,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(), u.AreaId))
            .ToListAsync(cancellationToken);

        // An administrator sees the accounts of its own subtree only.
        Users = [.. all.Where(u => Areas.Manages(u.AreaId))];
    }

    public sealed record UserRow(string Id, string UserName, string DisplayName, bool IsDisabled, string? Role, int? AreaId);

    public sealed class NewUser
    {
        [Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")]
        [RegularExpression("^[A-Za-z0-9._-]{2,64}$", ErrorMessage = "Tên đăng nhập gồm 2–64 chữ cái không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.")]
        [Display(Name = "Tên đăng nhập")]
        public string UserName { get; set; } = string.Empty;

        [StringLength(200)]
        [Display(Name = "Họ tên")]
        public string? DisplayName { get; set; }

        [Display(Name = "Vai trò")]
        public string Role { get; set; } = Roles.Viewer;

        /// <summary>The GSO code of the area the account works in (one of the administrator's subtree).</summary>
        public string? AreaCode { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu ban đầu")]
        public string Password { get; set; } = string.Empty;
    }
}
