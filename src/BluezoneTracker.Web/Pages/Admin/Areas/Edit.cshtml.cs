using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Pages.Admin.Areas;

/// <summary>An area's name, kind, population and smartphone owners, each with year and source.</summary>
public sealed class EditModel(AppDbContext db, AuditLog audit, DataVersion version, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> localizer) : PageModel
{
    [BindProperty]
    public AreaInput Input { get; set; } = new();

    public string Code { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (area is null)
        {
            return NotFound();
        }

        Code = area.Code;
        Input = AreaInput.From(area);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var area = await db.Areas.FirstOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (area is null)
        {
            return NotFound();
        }

        Code = area.Code;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var before = AreaInput.From(area);
        Input.ApplyTo(area);
        audit.Add(AuditKinds.AreaChanged, area.Code, before, Input);
        await db.SaveChangesAsync(cancellationToken);
        version.Bump();
        TempData[Shared.SavedMessage.Key] = localizer["Đã lưu {0} (mã {1}): dân số {2}.", area.Name, area.Code,
            Input.Population is { } population ? Localization.UiFormat.Count(population) : "—"].Value;
        return RedirectToPage(new { code = area.Code });
    }
}
