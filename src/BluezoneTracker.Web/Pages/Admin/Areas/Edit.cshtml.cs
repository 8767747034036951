using System.ComponentModel.DataAnnotations;
using BluezoneTracker.Core.Areas;
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

/// <summary>An area's name, kind, population and smartphone owners, each with year and source.</summary>
public sealed class EditModel(AppDbContext db, AuditLog audit, DataVersion version, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IEnumerable<(AreaKind Kind, string Name)> KindNames =>
    [
        (AreaKind.Country, localizer["Cả nước"]),
        (AreaKind.Province, localizer["Tỉnh"]),
        (AreaKind.City, localizer["Thành phố"]),
        (AreaKind.Town, localizer["Thị xã"]),
        (AreaKind.RuralDistrict, localizer["Huyện"]),
        (AreaKind.Commune, localizer["Xã"]),
        (AreaKind.Ward, localizer["Phường"]),
        (AreaKind.Township, localizer["Thị trấn"]),
    ];

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

    public sealed class AreaInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên địa bàn.")]
        [StringLength(200)]
        public string Name { get; set; } = string.Empty;

        public AreaKind Kind { get; set; }

        [Range(0, 2_000_000_000, ErrorMessage = "Dân số phải là số nguyên không âm.")]
        public long? Population { get; set; }

        [Range(1900, 2200, ErrorMessage = "Năm không hợp lệ.")]
        public int? PopulationYear { get; set; }

        [StringLength(200)]
        public string? PopulationSource { get; set; }

        [Range(0, 2_000_000_000, ErrorMessage = "Số người dùng điện thoại thông minh phải là số nguyên không âm.")]
        public long? SmartphoneOwners { get; set; }

        [Range(1900, 2200, ErrorMessage = "Năm không hợp lệ.")]
        public int? SmartphoneOwnersYear { get; set; }

        [StringLength(200)]
        public string? SmartphoneOwnersSource { get; set; }

        public static AreaInput From(AreaEntity a) => new()
        {
            Name = a.Name,
            Kind = a.Kind,
            Population = a.Population,
            PopulationYear = a.PopulationYear,
            PopulationSource = a.PopulationSource,
            SmartphoneOwners = a.SmartphoneOwners,
            SmartphoneOwnersYear = a.SmartphoneOwnersYear,
            SmartphoneOwnersSource = a.SmartphoneOwnersSource,
        };

        public void ApplyTo(AreaEntity a)
        {
            a.Name = VietnameseText.Normalize(Name.Trim());
            a.Kind = Kind;
            a.Population = Population;
            a.PopulationYear = PopulationYear;
            a.PopulationSource = PopulationSource?.Trim();
            a.SmartphoneOwners = SmartphoneOwners;
            a.SmartphoneOwnersYear = SmartphoneOwnersYear;
            a.SmartphoneOwnersSource = SmartphoneOwnersSource?.Trim();
        }
    }
}
