namespace BluezoneTracker.Web.Data.Entities;

/// <summary>
/// The report settings saved by an administrator (one row), as the JSON of Core's ReportSettings so
/// that a new setting needs no migration. Without this row, configuration applies.
/// </summary>
public sealed class ReportSettingsEntity
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public required string Json { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;
}
