using System.ComponentModel.DataAnnotations;
using BluezoneTracker.Core.Reports;

namespace BluezoneTracker.Web.Pages.Annex;

/// <summary>The dispatch details the Director enters on the sign-off page.</summary>
public sealed class DispatchInput
{
    /// <summary>Blank allowed, as in the real dispatch ("Số: /STTTT-TTBCXB").</summary>
    [StringLength(20, ErrorMessage = "Số công văn dài quá {1} ký tự.")]
    [Display(Name = "Số công văn (có thể để trống)")]
    public string? Number { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập ngày công văn.")]
    [Display(Name = "Ngày công văn (từ ngày số liệu trở đi)")]
    public DateOnly? Date { get; set; }

    [StringLength(100, ErrorMessage = "Nơi ban hành dài quá {1} ký tự.")]
    [Display(Name = "Nơi ban hành")]
    public string? Place { get; set; }

    [StringLength(100, ErrorMessage = "Chức danh dài quá {1} ký tự.")]
    [Display(Name = "Chức danh người ký")]
    public string? SignerTitle { get; set; }

    [StringLength(100, ErrorMessage = "Tên người ký dài quá {1} ký tự.")]
    [Display(Name = "Họ tên người ký")]
    public string? SignerName { get; set; }

    /// <summary>Kept from the settings: the dispatch code is the agency's, not the Director's to type.</summary>
    [Display(Name = "Ký hiệu văn bản")]
    public string Code { get; set; } = string.Empty;

    public static DispatchInput From(DispatchDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new()
        {
            Number = details.Number, Date = details.Date, Place = details.Place, SignerTitle = details.SignerTitle,
            SignerName = details.SignerName, Code = details.Code,
        };
    }

    /// <summary>The details as typed (trimmed, NFC); a missing date stands for the as-of date's eve so that it is refused.</summary>
    public DispatchDetails ToDetails(DateOnly asOf) => new(
        Clean(Number), Clean(Code), Date ?? asOf.AddDays(-1), Clean(Place), Clean(SignerTitle), Clean(SignerName));

    private static string Clean(string? text) => (text ?? string.Empty).Trim().Normalize(System.Text.NormalizationForm.FormC);
}
