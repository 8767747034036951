using System.ComponentModel.DataAnnotations;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BluezoneTracker.Web.Pages.Admin;

/// <summary>The agency and dispatch details printed on the annex, stored in the database.</summary>
public sealed class SettingsModel(ReportSettingsStore store, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> localizer) : PageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Input = SettingsInput.From(await store.GetAsync(cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
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
        public string AgencyName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Vui lòng nhập tên viết tắt của cơ quan.")]
        [StringLength(100)]
        public string AgencyShortName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Vui lòng nhập ký hiệu văn bản.")]
        [StringLength(100)]
        public string DocumentCode { get; set; } = string.Empty;

        [StringLength(50)]
        public string? DocumentNumber { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập địa danh ghi trên văn bản.")]
        [StringLength(100)]
        public string Place { get; set; } = string.Empty;

        [Required(ErrorMessage = "Vui lòng nhập chức danh người ký.")]
        [StringLength(100)]
        public string SignerTitle { get; set; } = string.Empty;

        [StringLength(200)]
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
