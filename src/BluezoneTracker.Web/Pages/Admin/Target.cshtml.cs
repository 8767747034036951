using System.ComponentModel.DataAnnotations;
using System.Globalization;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Pages.Admin;

/// <summary>
/// The scope's area's target (the deployment area on the plain route). Saving appends a new target row applying from a date the administrator
/// gives (today by default); earlier ones are kept and reports of earlier dates keep the target in force then.
/// </summary>
public sealed class TargetModel(AppDbContext db, AuditLog audit, DataVersion version, Scope.AreaScope scope, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> localizer, Infrastructure.DateInput dates) : PageModel
{
    [BindProperty]
    public TargetInput Input { get; set; } = new();

    /// <summary>Every target of the area, newest date first.</summary>
    public IReadOnlyList<TargetEntity> History { get; private set; } = [];

    public string AreaName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (area, target) = await LoadAsync(cancellationToken);
        if (area is null)
        {
            return NotFound();
        }

        if (target is not null)
        {
            Input = TargetInput.From(target);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (area, target) = await LoadAsync(cancellationToken);
        if (area is null)
        {
            return NotFound();
        }

        // The accepted range of dates, as every date field (a fresh user's trial saved a deadline of 1/1/1900).
        if (ModelState.IsValid && dates.OutOfRange(Input.Deadline, dates.Deadlines) is { } badDeadline)
        {
            ModelState.AddModelError("Input.Deadline", badDeadline);
        }

        if (ModelState.IsValid && Input.EffectiveFrom is { } effective && dates.OutOfRange(effective) is { } badFrom)
        {
            ModelState.AddModelError("Input.EffectiveFrom", badFrom);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var from = Input.EffectiveFrom ?? VietnamTime.Today(clock);
        var added = new TargetEntity
        {
            AreaId = area.Id, Share = Input.SharePercent / 100m, Basis = Input.Basis, Deadline = Input.Deadline,
            EffectiveFrom = from, CreatedAt = clock.GetUtcNow(), CreatedBy = User.Identity?.Name ?? string.Empty,
        };
        var differing = await SignedDatesThatDifferAsync(area.Id, added, cancellationToken);
        db.Targets.Add(added);
        audit.Add(AuditKinds.TargetChanged, area.Code, target is null ? null : TargetInput.From(target), Input);
        await db.SaveChangesAsync(cancellationToken);
        version.Bump();
        var saved = localizer["Đã lưu chỉ tiêu của {0}: {1} đến ngày {2}, áp dụng cho các báo cáo từ ngày {3}; báo cáo các ngày trước vẫn dùng chỉ tiêu cũ.",
            area.Name, Localization.UiFormat.Share(added.Share), Localization.UiFormat.Date(Input.Deadline), Localization.UiFormat.Date(from)].Value;
        var signed = differing.Count == 0
            ? localizer["Không phụ lục đã duyệt nào bị ảnh hưởng."].Value
            : localizer["Phụ lục đã duyệt ngày {0} sẽ khác nếu tính lại với số mới; các phụ lục này vẫn giữ nguyên như đã duyệt.",
                string.Join(", ", differing.Select(Localization.UiFormat.Date))].Value;
        TempData[Shared.SavedMessage.Key] = saved + " " + signed;
        return RedirectToPage();
    }

    private async Task<(AreaEntity? Area, TargetEntity? Target)> LoadAsync(CancellationToken cancellationToken)
    {
        var code = await scope.CodeAsync(cancellationToken);
        var area = code is null ? null : await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (area is null)
        {
            return (null, null);
        }

        AreaName = area.Name;
        var targets = await db.Targets.AsNoTracking().Where(t => t.AreaId == area.Id).ToListAsync(cancellationToken);
        History = [.. targets.OrderByDescending(t => t.EffectiveFrom).ThenByDescending(t => t.Id)];
        return (area, targets.OrderByDescending(t => t.Id).FirstOrDefault());
    }

    /// <summary>Signed dates of the area where the new target would be in force and differs from the one in force before.</summary>
    private async Task<IReadOnlyList<DateOnly>> SignedDatesThatDifferAsync(int areaId, TargetEntity added, CancellationToken cancellationToken)
    {
        var until = History.Where(t => t.EffectiveFrom > added.EffectiveFrom).Select(t => (DateOnly?)t.EffectiveFrom).Min();
        var from = added.EffectiveFrom;
        var dates = await db.SignOffs.AsNoTracking()
            .Where(s => s.Revision!.AreaId == areaId && s.Revision.Date >= from)
            .Select(s => s.Revision!.Date)
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. dates.Where(d => until is null || d < until)
            .Where(d => History.Where(t => t.EffectiveFrom <= d).OrderByDescending(t => t.EffectiveFrom).ThenByDescending(t => t.Id).FirstOrDefault() is not { } old
                || old.Share != added.Share || old.Deadline != added.Deadline || old.Basis != added.Basis)
            .Order()];
    }

    public sealed class TargetInput
    {
        [Range(typeof(decimal), "0.1", "100", ParseLimitsInInvariantCulture = true, ErrorMessage = "Tỷ lệ chỉ tiêu phải từ 0,1 đến 100 %.")]
        [Display(Name = "Tỷ lệ (%)")]
        public decimal SharePercent { get; set; } = 50m;

        [Display(Name = "Tính trên")]
        public TargetBasisPreference Basis { get; set; }

        [Required(ErrorMessage = "Vui lòng chọn hạn hoàn thành.")]
        [Display(Name = "Hạn hoàn thành")]
        public DateOnly Deadline { get; set; }

        /// <summary>The first report date that uses the target; blank means today (Vietnam time).</summary>
        [Display(Name = "Áp dụng từ ngày")]
        public DateOnly? EffectiveFrom { get; set; }

        public static TargetInput From(TargetEntity t) => new() { SharePercent = decimal.Parse((t.Share * 100m).ToString("0.####", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), Basis = t.Basis, Deadline = t.Deadline };
    }
}
