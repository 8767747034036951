using System.ComponentModel.DataAnnotations;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BluezoneTracker.Web.Pages.Admin;

/// <summary>
/// The agency and dispatch details printed on the annex of the area in scope (<c>/areas/{code}/admin/settings</c>;
/// the area scope already refused an area outside the admin's subtree), stored in the database (decision 065).
/// </summary>
public sealed class SettingsModel(ReportSettingsStore store, Scope.AreaScope scope, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> localizer) : PageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    /// <summary>The area whose settings the page edits ("Huyện Mộc Châu").</summary>
    public string AreaName => scope.Area?.Name ?? string.Empty;

    /// <summary>Whether the shown values were saved for this area (else the configuration's, or defaults made from the area's name).</summary>
    public bool HasSaved { get; private set; }

    /// <summary>Whether this area's unsaved values come from the configuration file (the <c>Report</c> section).</summary>
    public bool IsConfiguredArea { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = SettingsInput.From(await store.GetAsync(cancellationToken));
        await DescribeAsync(cancellationToken);
    }

    private async Task DescribeAsync(CancellationToken cancellationToken)
    {
        var code = await scope.CodeAsync(cancellationToken) ?? string.Empty;
        HasSaved = await store.HasSavedAsync(code, cancellationToken);
        IsConfiguredArea = store.IsConfiguredArea(code);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await DescribeAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var saved = Input.ToSettings();
        await store.SaveAsync(saved, cancellationToken);
        TempData[Shared.SavedMessage.Key] = localizer["Đã lưu cài đặt báo cáo: {0}, số văn bản {1}, người ký {2}. Phụ lục và các tệp tải xuống dùng ngay các giá trị này.",
            saved.AgencyName, saved.DocumentReference(), string.IsNullOrEmpty(saved.SignerName) ? saved.SignerTitle : $"{saved.SignerTitle} {saved.SignerName}"].Value;
        return RedirectToPage();
    }

    public sealed class SettingsInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên cơ quan.")]
        [StringLength(300)]
        [Display(Name = "Tên cơ quan")]
        public string AgencyName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Vui lòng nhập tên viết tắt của cơ quan.")]
        [StringLength(100)]
        [Display(Name = "Tên viết tắt")]
        public string AgencyShortName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Vui lòng nhập ký hiệu văn bản.")]
        [StringLength(100)]
        [Display(Name = "Ký hiệu văn bản")]
        public string DocumentCode { get; set; } = string.Empty;

        [StringLength(50)]
        [Display(Name = "Số văn bản")]
        public string? DocumentNumber { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập địa danh ghi trên văn bản.")]
        [StringLength(100)]
        [Display(Name = "Địa danh (dòng ngày tháng)")]
        public string Place { get; set; } = string.Empty;

        [Required(ErrorMessage = "Vui lòng nhập chức danh người ký.")]
        [StringLength(100)]
        [Display(Name = "Chức danh người ký")]
        public string SignerTitle { get; set; } = string.Empty;

        [StringLength(200)]
        [Display(Name = "Họ tên người ký")]
        public string? SignerName { get; set; }

        public static SettingsInput From(ReportSettings s) => new()
        {
            AgencyName = s.AgencyName,
            AgencyShortName = s.AgencyShortName,
            DocumentCode = s.DocumentCode,
            DocumentNumber = s.DocumentNumber,
            Place = s.Place,
            SignerTitle = s.SignerTitle,
            SignerName = s.SignerName,
        };

        public ReportSettings ToSettings() => new()
        {
            AgencyName = AgencyName.Trim(),
            AgencyShortName = AgencyShortName.Trim(),
            DocumentCode = DocumentCode.Trim(),
            DocumentNumber = DocumentNumber?.Trim() ?? string.Empty,
            Place = Place.Trim(),
            SignerTitle = SignerTitle.Trim(),
            SignerName = SignerName?.Trim() ?? string.Empty,
        };
    }
}
