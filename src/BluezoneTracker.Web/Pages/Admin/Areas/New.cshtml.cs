using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Pages.Admin.Areas;

/// <summary>
/// Adds an area (a new district, say) under a parent, by default the scope's area (the deployment area on the plain route). The figures
/// show it at once, as missing from each snapshot until counts for it arrive.
/// </summary>
public sealed class NewModel(AppDbContext db, AuditLog audit, DataVersion version, Scope.AreaScope scope, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public NewAreaInput Input { get; set; } = new() { Kind = AreaKind.RuralDistrict };

    /// <summary>The areas a new one may sit under (code, name), the deployment's area first.</summary>
    public IReadOnlyList<(string Code, string Name)> Parents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadParentsAsync(cancellationToken);
        Input.ParentCode = Parents.Count > 0 ? Parents[0].Code : string.Empty;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadParentsAsync(cancellationToken);
        if (ModelState.IsValid)
        {
            await CheckAsync(cancellationToken);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var parent = await db.Areas.SingleAsync(a => a.Code == Input.ParentCode.Trim(), cancellationToken);
        var area = new AreaEntity { Code = Input.Code.Trim(), Name = string.Empty, ParentId = parent.Id };
        Input.ApplyTo(area);
        db.Areas.Add(area);
        audit.Add(AuditKinds.AreaCreated, area.Code, after: Input.Audited);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator added the same code a moment ago (the unique index refused it).
            db.ChangeTracker.Clear();
            if (!await db.Areas.AsNoTracking().AnyAsync(a => a.Code == area.Code, cancellationToken))
            {
                throw;
            }

            ModelState.AddModelError("Input.Code", localizer["Mã {0} đã được dùng cho một địa bàn khác.", area.Code]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        version.Bump();
        return RedirectToPage("/Admin/Areas/Index", new { added = area.Code });
    }

    /// <summary>The rules a form cannot state by itself: unique code, known parent, an official name.</summary>
    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var code = Input.Code.Trim();
        if (await db.Areas.AsNoTracking().Where(a => a.Code == code).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) is { } taken)
        {
            ModelState.AddModelError("Input.Code", localizer["Mã {0} đã được dùng cho {1}.", code, taken]);
        }

        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", localizer["Cấp hành chính không hợp lệ."]);
        }

        var name = VietnameseText.Normalize(Input.Name);
        if (Input.Kind != AreaKind.Country && VietnameseText.StripKindPrefix(name) == name)
        {
            ModelState.AddModelError("Input.Name", localizer["Tên chính thức cần có tiền tố cấp hành chính, ví dụ \"Huyện Mường Lát\"."]);
        }

        var parentCode = Input.ParentCode.Trim();
        var parent = await db.Areas.AsNoTracking().Where(a => a.Code == parentCode).Select(a => new { a.Id }).FirstOrDefaultAsync(cancellationToken);
        if (parent is null)
        {
            ModelState.AddModelError("Input.ParentCode", localizer["Không tìm thấy địa bàn cấp trên có mã \"{0}\".", parentCode]);
        }
        else
        {
            // Files are matched to areas by this key: two names with the same key under one parent could not be told apart.
            var folded = AreaMatcher.LooseName(name);
            var siblings = await db.Areas.AsNoTracking().Where(a => a.ParentId == parent.Id).Select(a => new { a.Code, a.Name }).ToListAsync(cancellationToken);
            if (siblings.FirstOrDefault(s => AreaMatcher.LooseName(s.Name) == folded) is { } twin)
            {
                ModelState.AddModelError("Input.Name", localizer["Địa bàn cấp trên đã có {0} (mã {1}); hai tên giống nhau không phân biệt được khi nhập số liệu.", twin.Name, twin.Code]);
            }
        }

        if (Input.Population is not null && (Input.PopulationYear is null || string.IsNullOrWhiteSpace(Input.PopulationSource)))
        {
            ModelState.AddModelError("Input.PopulationYear", localizer["Vui lòng nhập năm và nguồn của số dân số."]);
        }

        if (Input.SmartphoneOwners is not null && (Input.SmartphoneOwnersYear is null || string.IsNullOrWhiteSpace(Input.SmartphoneOwnersSource)))
        {
            ModelState.AddModelError("Input.SmartphoneOwnersYear", localizer["Vui lòng nhập năm và nguồn của số người dùng điện thoại thông minh."]);
        }
    }

    private async Task LoadParentsAsync(CancellationToken cancellationToken)
    {
        var areas = await db.Areas.AsNoTracking()
            .Where(a => a.Kind != AreaKind.Commune && a.Kind != AreaKind.Ward && a.Kind != AreaKind.Township)
            .OrderBy(a => a.ParentId != null).ThenBy(a => a.Code)
            .Select(a => new { a.Code, a.Name, a.ParentId })
            .ToListAsync(cancellationToken);
        var home = await scope.CodeAsync(cancellationToken);
        Parents = [.. areas.OrderBy(a => a.Code != home).Select(a => (a.Code, a.Name))];
    }
}
