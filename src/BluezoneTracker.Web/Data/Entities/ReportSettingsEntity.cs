namespace BluezoneTracker.Web.Data.Entities;

/// <summary>The report settings saved by an administrator (one row); without it, configuration applies.</summary>
public sealed class ReportSettingsEntity
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public required string AgencyName { get; set; }

    public required string AgencyShortName { get; set; }

    public required string DocumentCode { get; set; }

    public string DocumentNumber { get; set; } = string.Empty;

    public required string SignerTitle { get; set; }

    public string SignerName { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;
}
