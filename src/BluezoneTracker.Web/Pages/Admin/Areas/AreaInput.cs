using System.ComponentModel.DataAnnotations;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Web.Data.Entities;

namespace BluezoneTracker.Web.Pages.Admin.Areas;

/// <summary>What an administrator may set on an area: name, kind, population and smartphone owners, each with year and source.</summary>
public class AreaInput
{
    /// <summary>As long as the name column; the import refuses longer text as no area name.</summary>
    public const int MaxNameLength = 200;

    [Required(ErrorMessage = "Vui lòng nhập tên địa bàn.")]
    [StringLength(MaxNameLength, ErrorMessage = "Tên địa bàn dài quá {1} ký tự.")]
    [Display(Name = "Tên (kèm cấp hành chính)")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "Cấp")]
    public AreaKind Kind { get; set; }

    // Range over long, not int: the int overload converts the value and overflows on 9·10¹⁸ (a 500).
    [Range(typeof(long), "0", "2000000000", ParseLimitsInInvariantCulture = true, ErrorMessage = "Dân số phải là số nguyên không âm.")]
    [Display(Name = "Dân số")]
    public long? Population { get; set; }

    [Range(1900, 2200, ErrorMessage = "Năm không hợp lệ.")]
    [Display(Name = "Năm")]
    public int? PopulationYear { get; set; }

    [StringLength(200, ErrorMessage = "Nguồn dài quá {1} ký tự.")]
    [Display(Name = "Nguồn")]
    public string? PopulationSource { get; set; }

    [Range(typeof(long), "0", "2000000000", ParseLimitsInInvariantCulture = true, ErrorMessage = "Số người dùng điện thoại thông minh phải là số nguyên không âm.")]
    [Display(Name = "Người dùng điện thoại thông minh")]
    public long? SmartphoneOwners { get; set; }

    [Range(1900, 2200, ErrorMessage = "Năm không hợp lệ.")]
    [Display(Name = "Năm")]
    public int? SmartphoneOwnersYear { get; set; }

    [StringLength(200, ErrorMessage = "Nguồn dài quá {1} ký tự.")]
    [Display(Name = "Nguồn")]
    public string? SmartphoneOwnersSource { get; set; }

    public static AreaInput From(AreaEntity a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new()
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
    }

    public void ApplyTo(AreaEntity a)
    {
        ArgumentNullException.ThrowIfNull(a);
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

/// <summary>A new area: its code and parent as well. The code never changes afterwards (counts and history refer to it).</summary>
public sealed class NewAreaInput : AreaInput
{
    [Required(ErrorMessage = "Vui lòng nhập mã địa bàn.")]
    [RegularExpression("^[0-9]{1,10}$", ErrorMessage = "Mã địa bàn là mã hành chính của Tổng cục Thống kê: chỉ gồm chữ số (ví dụ 116).")]
    [Display(Name = "Mã hành chính")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng chọn địa bàn cấp trên.")]
    [Display(Name = "Thuộc địa bàn")]
    public string ParentCode { get; set; } = string.Empty;

    /// <summary>What the audit log keeps: everything that was set.</summary>
    public object Audited => new
    {
        Code, ParentCode, Name, Kind = Kind.ToString(), Population, PopulationYear, PopulationSource,
        SmartphoneOwners, SmartphoneOwnersYear, SmartphoneOwnersSource,
    };
}
