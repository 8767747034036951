using BluezoneTracker.Core.Areas;

namespace BluezoneTracker.Core.Reports;

/// <summary>
/// Who issues the annex: the agency and the dispatch it is attached to. Each area has its own: the configured
/// ones (the <c>Report</c> section) for the area that section describes, an administrator's saved ones, else
/// <see cref="DefaultFor"/> the area.
/// </summary>
public sealed record ReportSettings
{
    public string AgencyName { get; init; } = "Sở Thông tin và Truyền thông tỉnh Sơn La";

    public string AgencyShortName { get; init; } = "Sở TT&TT";

    public string DocumentCode { get; init; } = "STTTT-TTBCXB";

    /// <summary>The dispatch number; often blank until the document is registered.</summary>
    public string DocumentNumber { get; init; } = string.Empty;

    /// <summary>The dispatch's reference as printed after "Số:": "1002/STTTT-TTBCXB", or "/STTTT-TTBCXB" while unnumbered.</summary>
    /// <remarks>A method, not a property, so it is not stored with the settings (they are kept as JSON).</remarks>
    public string DocumentReference() => DispatchDetails.ReferenceOf(DocumentNumber, DocumentCode);

    /// <summary>The place written before the date of the document ("Sơn La, ngày 17 tháng 8 năm 2020").</summary>
    public string Place { get; init; } = "Sơn La";

    public string SignerTitle { get; init; } = "GIÁM ĐỐC";

    public string SignerName { get; init; } = string.Empty;

    /// <summary>
    /// The settings an area gets until an administrator of that area saves its own: the body that usually issues
    /// such a dispatch at the area's level, named from the area's kind and name (<see cref="AreaWording"/>), its
    /// place, and no signer's name (an empty signer line, never another area's director).
    /// </summary>
    /// <example>
    /// "Tỉnh Hòa Bình" → "Sở Thông tin và Truyền thông tỉnh Hòa Bình", "Sở TT&amp;TT", "STTTT", place "Hòa Bình", "GIÁM ĐỐC";
    /// "Huyện Mộc Châu" → "Phòng Văn hóa và Thông tin huyện Mộc Châu", "Phòng VH&amp;TT", "VHTT", place "Mộc Châu", "TRƯỞNG PHÒNG";
    /// "Xã Chiềng Sơn" → "Ủy ban nhân dân xã Chiềng Sơn", "UBND xã", "UBND", "CHỦ TỊCH";
    /// the country → "Bộ Thông tin và Truyền thông", "Bộ TT&amp;TT", "BTTTT", place "Hà Nội" (the ministry's seat), "BỘ TRƯỞNG".
    /// </example>
    public static ReportSettings DefaultFor(Area area)
    {
        ArgumentNullException.ThrowIfNull(area);
        var words = AreaWording.For(area);
        var named = $"{words.OwnNoun} {words.AreaShortName}";
        return AreaWording.LevelOf(area.Kind) switch
        {
            AreaLevel.Country => new ReportSettings
            {
                AgencyName = "Bộ Thông tin và Truyền thông", AgencyShortName = "Bộ TT&TT", DocumentCode = "BTTTT",
                Place = "Hà Nội", SignerTitle = "BỘ TRƯỞNG", SignerName = string.Empty,
            },
            AreaLevel.Province => new ReportSettings
            {
                AgencyName = $"Sở Thông tin và Truyền thông {named}", AgencyShortName = "Sở TT&TT", DocumentCode = "STTTT",
                Place = words.AreaShortName, SignerTitle = "GIÁM ĐỐC", SignerName = string.Empty,
            },
            AreaLevel.District => new ReportSettings
            {
                AgencyName = $"Phòng Văn hóa và Thông tin {named}", AgencyShortName = "Phòng VH&TT", DocumentCode = "VHTT",
                Place = words.AreaShortName, SignerTitle = "TRƯỞNG PHÒNG", SignerName = string.Empty,
            },
            _ => new ReportSettings
            {
                AgencyName = $"Ủy ban nhân dân {named}", AgencyShortName = $"UBND {words.OwnNoun}", DocumentCode = "UBND",
                Place = words.AreaShortName, SignerTitle = "CHỦ TỊCH", SignerName = string.Empty,
            },
        };
    }
}
