namespace BluezoneTracker.Core.Reports;

/// <summary>Who issues the annex: the agency and the dispatch it is attached to. Bound from configuration.</summary>
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
}
