using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Pages.Admin.Areas;

/// <summary>An area's name, kind, population and smartphone owners, each with year and source.</summary>
public sealed class EditModel(AppDbContext db, AuditLog audit, DataVersion version) : PageModel
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
        return RedirectToPage("/Admin/Areas/Index");
    }
}
