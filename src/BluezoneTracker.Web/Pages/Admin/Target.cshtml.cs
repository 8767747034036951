using System.ComponentModel.DataAnnotations;
using System.Globalization;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Pages.Admin;

/// <summary>The deployment area's target. Saving appends a new target row; earlier ones are kept.</summary>
public sealed class TargetModel(AppDbContext db, AuditLog audit, DataVersion version, IOptions<DeploymentOptions> deployment, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> localizer) : PageModel
{
    [BindProperty]
    public TargetInput Input { get; set; } = new();

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

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        db.Targets.Add(new TargetEntity { AreaId = area.Id, Share = Input.SharePercent / 100m, Basis = Input.Basis, Deadline = Input.Deadline });
        audit.Add(AuditKinds.TargetChanged, area.Code, target is null ? null : TargetInput.From(target), Input);
        await db.SaveChangesAsync(cancellationToken);
        version.Bump();
        TempData[Shared.SavedMessage.Key] = localizer["Đã lưu chỉ tiêu của {0}: {1} đến ngày {2}. Trang tổng quan tính theo chỉ tiêu này từ bây giờ.",
            area.Name, Localization.UiFormat.Share(Input.SharePercent / 100m), Localization.UiFormat.Date(Input.Deadline)].Value;
        return RedirectToPage();
    }

    private async Task<(AreaEntity? Area, TargetEntity? Target)> LoadAsync(CancellationToken cancellationToken)
    {
        var code = deployment.Value.AreaCode;
        var area = await db.Areas.AsNoTracking()
            .Where(a => string.IsNullOrEmpty(code) ? a.ParentId == null : a.Code == code)
            .OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (area is null)
        {
            return (null, null);
        }

        AreaName = area.Name;
        var target = await db.Targets.AsNoTracking().Where(t => t.AreaId == area.Id).OrderByDescending(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        return (area, target);
    }

    public sealed class TargetInput
    {
        [Range(typeof(decimal), "0.1", "100", ParseLimitsInInvariantCulture = true, ErrorMessage = "Tỷ lệ chỉ tiêu phải từ 0,1 đến 100 %.")]
        public decimal SharePercent { get; set; } = 50m;

        public TargetBasisPreference Basis { get; set; }

        [Required(ErrorMessage = "Vui lòng chọn hạn hoàn thành.")]
        public DateOnly Deadline { get; set; }

        public static TargetInput From(TargetEntity t) => new() { SharePercent = decimal.Parse((t.Share * 100m).ToString("0.####", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), Basis = t.Basis, Deadline = t.Deadline };
    }
}
