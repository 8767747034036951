using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages.Admin.Users;

/// <summary>Change a user's role or area, reset the password, disable or enable. Nothing is ever deleted.</summary>
public sealed class EditModel(UserManager<AppUser> users, AuditLog audit, DemoAccounts demo, IStringLocalizer<SharedResource> localizer, Scope.AreaScope scope) : PageModel
{
    public AppUser Target { get; private set; } = null!;

    public string? Role { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The areas this administrator may give an account: their own subtree.</summary>
    public AccountAreas Areas { get; private set; } = null!;

    /// <summary>
    /// Moves the account to another area of the administrator's subtree. Audited with both areas by name; the
    /// account's security stamp is renewed, so a session still carrying the old area ends at its next request.
    /// </summary>
    public async Task<IActionResult> OnPostAreaAsync(string id, string? areaCode, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return Refusal();
        }

        if (Areas.Find(areaCode) is not { } area)
        {
            return Problem(localizer["Địa bàn \"{0}\" không thuộc phạm vi tài khoản bạn quản lý.", areaCode ?? string.Empty]);
        }

        if (IsSelf())
        {
            return Problem(localizer["Bạn không thể tự đổi địa bàn của mình."]);
        }

        var before = Areas.NameOf(Target.AreaId);
        if (Target.AreaId == area.Id)
        {
            Message = localizer["Tài khoản đã thuộc địa bàn này."];
            return Page();
        }

        Target.AreaId = area.Id;
        // Saves the new area with a new stamp: the old cookie's area claim stops working at its next check.
        await users.UpdateSecurityStampAsync(Target);
        await audit.RecordAsync(AuditKinds.UserAreaChanged, Target.UserName!, new { Area = before }, new { Area = area.Name }, cancellationToken: cancellationToken);
        demo.Invalidate();
        Message = localizer["Đã đổi địa bàn."];
        return Page();
    }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : Refusal();

    public async Task<IActionResult> OnPostRoleAsync(string id, string? role, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return Refusal();
        }

        if (!Roles.IsKnown(role))
        {
            return Problem(localizer["Vai trò không hợp lệ."]);
        }

        if (IsSelf() && role != Roles.Admin)
        {
            return Problem(localizer["Bạn không thể tự bỏ quyền quản trị của mình."]);
        }

        var before = Role;
        if (before is not null)
        {
            await users.RemoveFromRoleAsync(Target, before);
        }

        await users.AddToRoleAsync(Target, role!);
        await users.UpdateSecurityStampAsync(Target);
        await audit.RecordAsync(AuditKinds.UserRoleChanged, Target.UserName!, new { Role = before }, new { Role = role }, cancellationToken: cancellationToken);
        Role = role;
        Message = localizer["Đã đổi vai trò."];
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync(string id, string? password, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return Refusal();
        }

        if (string.IsNullOrEmpty(password))
        {
            return Problem(localizer["Vui lòng nhập mật khẩu."]);
        }

        var token = await users.GeneratePasswordResetTokenAsync(Target);
        var reset = await users.ResetPasswordAsync(Target, token, password);
        if (!reset.Succeeded)
        {
            foreach (var error in reset.Errors)
            {
                ModelState.AddModelError(string.Empty, PasswordRules.Describe(error, localizer));
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await users.SetLockoutEndDateAsync(Target, null);
        await users.ResetAccessFailedCountAsync(Target);
        await audit.RecordAsync(AuditKinds.PasswordReset, Target.UserName!, cancellationToken: cancellationToken);
        Message = localizer["Đã đặt lại mật khẩu."];
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, bool disabled, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return Refusal();
        }

        if (IsSelf() && disabled)
        {
            return Problem(localizer["Bạn không thể tự vô hiệu hoá tài khoản của mình."]);
        }

        var before = Target.IsDisabled;
        Target.IsDisabled = disabled;
        // Saves the user with the new flag and a new stamp, so open sessions end at their next check.
        await users.UpdateSecurityStampAsync(Target);
        await audit.RecordAsync(disabled ? AuditKinds.UserDisabled : AuditKinds.UserEnabled, Target.UserName!,
            new { IsDisabled = before }, new { IsDisabled = disabled }, cancellationToken: cancellationToken);
        demo.Invalidate();
        Message = disabled ? localizer["Đã vô hiệu hoá tài khoản."] : localizer["Tài khoản đã hoạt động lại."];
        return Page();
    }

    private bool _outside;

    /// <summary>404 for no such account, 403 for an account of another subtree.</summary>
    private IActionResult Refusal() => _outside ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();

    private bool IsSelf() => users.GetUserId(User) == Target.Id;

    private async Task<bool> LoadAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return false;
        }

        // An account outside the administrator's subtree is not managed here: 403, not "no such account".
        await scope.CodeAsync(HttpContext.RequestAborted);
        Areas = new AccountAreas(scope.Directory, scope.DeploymentArea, Accounts.ActingUser.Of(HttpContext));
        if (!Areas.Manages(user.AreaId))
        {
            _outside = true;
            return false;
        }

        Target = user;
        Role = (await users.GetRolesAsync(user)).FirstOrDefault();
        return true;
    }

    private PageResult Problem(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
