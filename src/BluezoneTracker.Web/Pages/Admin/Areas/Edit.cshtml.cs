using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages.Admin.Areas;

/// <summary>
/// An area's name, kind, population and smartphone owners, each with year and source. A change of
/// the figures is appended to the population history, applying from a date the administrator gives
/// (today by default); reports of earlier dates keep the figures in force then, and signed annexes stay as signed.
/// </summary>
public sealed class EditModel(AppDbContext db, AuditLog audit, DataVersion version, TimeProvider clock, IStringLocalizer<SharedResource> localizer, Infrastructure.DateInput dates) : PageModel
{
    [BindProperty]
    public AreaInput Input { get; set; } = new();

    /// <summary>The first report date that uses the new figures; blank means today (Vietnam time).</summary>
    [BindProperty]
    public DateOnly? EffectiveFrom { get; set; }

    public string Code { get; private set; } = string.Empty;

    /// <summary>The area's population history, newest date first.</summary>
    public IReadOnlyList<PopulationEntity> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (area is null)
        {
            return UnknownArea(code);
        }

        Code = area.Code;
        Input = AreaInput.From(area);
        await LoadHistoryAsync(area.Id, cancellationToken);
        return Page();
    }

    /// <summary>A 404 whose page names the code, in the words the API and the area routes use for an unknown area.</summary>
    private NotFoundResult UnknownArea(string code)
    {
        HttpContext.Items[Scope.AreaRouting.RefusalMessageKey] = localizer["Không tìm thấy địa bàn \"{0}\".", code].Value;
        return NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var area = await db.Areas.FirstOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (area is null)
        {
            return UnknownArea(code);
        }

        Code = area.Code;
        if (Input.Population is not null && (Input.PopulationYear is null || string.IsNullOrWhiteSpace(Input.PopulationSource)))
        {
            ModelState.AddModelError("Input.PopulationYear", localizer["Vui lòng nhập năm và nguồn của số dân số."]);
        }

        if (Input.SmartphoneOwners is not null && (Input.SmartphoneOwnersYear is null || string.IsNullOrWhiteSpace(Input.SmartphoneOwnersSource)))
        {
            ModelState.AddModelError("Input.SmartphoneOwnersYear", localizer["Vui lòng nhập năm và nguồn của số người dùng điện thoại thông minh."]);
        }

        if (EffectiveFrom is { } effective && dates.OutOfRange(effective) is { } badFrom)
        {
            ModelState.AddModelError(nameof(EffectiveFrom), badFrom);
        }

        if (!ModelState.IsValid)
        {
            await LoadHistoryAsync(area.Id, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var before = AreaInput.From(area);
        var rows = await db.Populations.Where(p => p.AreaId == area.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var by = User.Identity?.Name ?? string.Empty;
        var from = EffectiveFrom ?? VietnamTime.Today(clock);

        // The figures typed, as a history row; stored only when they differ from the ones in force on that date.
        var probe = new AreaEntity { Code = area.Code, Name = area.Name };
        Input.ApplyTo(probe);
        var added = PopulationHistory.RowFor(probe, from, now, by);
        added.AreaId = area.Id;
        if (rows.Count == 0 && (area.Population is not null || area.SmartphoneOwners is not null))
        {
            // The figures stored before the history existed applied to every date so far: keep them so for earlier reports.
            var baseline = PopulationHistory.RowFor(area, DateOnly.MinValue, now, by);
            db.Populations.Add(baseline);
            rows.Add(baseline);
        }

        var changed = !PopulationHistory.SameFigures(PopulationHistory.InForce(rows, from), added);
        IReadOnlyList<DateOnly> differing = [];
        if (changed)
        {
            differing = await SignedDatesThatDifferAsync(area, rows, added, cancellationToken);
            db.Populations.Add(added);
        }

        // The area's own columns hold the newest figures (the form's defaults and the fallback of areas without history).
        Input.ApplyTo(area);
        var newest = rows.Append(added).OrderByDescending(r => r.EffectiveFrom).First();
        if (!ReferenceEquals(newest, added))
        {
            area.Population = before.Population;
            area.PopulationYear = before.PopulationYear;
            area.PopulationSource = before.PopulationSource;
            area.SmartphoneOwners = before.SmartphoneOwners;
            area.SmartphoneOwnersYear = before.SmartphoneOwnersYear;
            area.SmartphoneOwnersSource = before.SmartphoneOwnersSource;
        }

        // The same flat shape as "before", so the audit page compares field with field; plus the date the new figures apply from.
        var after = System.Text.Json.JsonSerializer.SerializeToNode(Input)!.AsObject();
        if (changed)
        {
            after[nameof(EffectiveFrom)] = VietnameseFormat.IsoDate(from);
        }

        audit.Add(AuditKinds.AreaChanged, area.Code, before, after);
        await db.SaveChangesAsync(cancellationToken);
        version.Bump();
        TempData[Shared.SavedMessage.Key] = SavedMessage(area, changed, from, differing);
        return RedirectToPage(new { code = area.Code });
    }

    private string SavedMessage(AreaEntity area, bool changed, DateOnly from, IReadOnlyList<DateOnly> differing)
    {
        var saved = localizer["Đã lưu {0} (mã {1}): dân số {2}.", area.Name, area.Code,
            Input.Population is { } population ? UiFormat.Count(population) : "—"].Value;
        if (!changed)
        {
            return saved + " " + localizer["Số dân số và người dùng điện thoại thông minh không đổi."].Value;
        }

        var applies = localizer["Số mới áp dụng cho các báo cáo từ ngày {0}; báo cáo các ngày trước vẫn dùng số cũ.", UiFormat.Date(from)].Value;
        var signed = differing.Count == 0
            ? localizer["Không phụ lục đã duyệt nào bị ảnh hưởng."].Value
            : localizer["Phụ lục đã duyệt ngày {0} sẽ khác nếu tính lại với số mới; các phụ lục này vẫn giữ nguyên như đã duyệt.",
                string.Join(", ", differing.Select(UiFormat.Date))].Value;
        return string.Join(' ', saved, applies, signed);
    }

    /// <summary>Signed dates (of this area and of its parent's annex) where the new row would be in force and its figures differ from the ones signed.</summary>
    private async Task<IReadOnlyList<DateOnly>> SignedDatesThatDifferAsync(AreaEntity area, List<PopulationEntity> rows, PopulationEntity added, CancellationToken cancellationToken)
    {
        var until = rows.Where(r => r.EffectiveFrom > added.EffectiveFrom).Select(r => (DateOnly?)r.EffectiveFrom).Min();
        var from = added.EffectiveFrom;
        var dates = await db.SignOffs.AsNoTracking()
            .Where(s => (s.Revision!.AreaId == area.Id || s.Revision.AreaId == area.ParentId) && s.Revision.Date >= from)
            .Select(s => s.Revision!.Date)
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. dates.Where(d => until is null || d < until)
            .Where(d => !PopulationHistory.SameFigures(PopulationHistory.InForce(rows, d), added))
            .Order()];
    }

    private async Task LoadHistoryAsync(int areaId, CancellationToken cancellationToken)
    {
        var rows = await db.Populations.AsNoTracking().Where(p => p.AreaId == areaId).ToListAsync(cancellationToken);
        History = [.. rows.OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.Id)];
    }
}
