using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Scope;

namespace BluezoneTracker.Web.Reports;

/// <summary>The annex as JSON: numbers as numbers, rates as exact fractions (not rounded, not percentages).</summary>
internal static class AnnexJson
{
    public static AnnexJsonModel From(AnnexDocument document, Messages messages)
    {
        var report = document.Report;
        return new AnnexJsonModel(
            VietnameseFormat.IsoDate(report.Date),
            report.CompareDate is { } c ? VietnameseFormat.IsoDate(c) : null,
            new AreaJson(report.Area.Code, report.Area.Name),
            [.. report.Rows.Select(r => new RowJson(r.Rank, r.Code, r.Name, r.Population, r.Registrations, r.Change, r.Rate, r.RateChange, r.PreviousRank, r.RankChange))],
            new UnassignedJson(report.Unassigned.Registrations, report.Unassigned.Change),
            new TotalJson(report.Total.Population, report.Total.RowsPopulation, report.Total.Registrations, report.Total.Change, report.Total.Rate, report.Total.RateChange),
            [.. report.Warnings.Select(w => new WarningJson(w.Kind.ToString(), w.AreaCode, messages.Warning(w), messages.WarningHint(w.Kind)))],
            document.Summary,
            report.RankedCount,
            report.MissingCount)
        {
            Complete = !report.TotalIsWithheld && !report.ChangeIsWithheld,
            ReportedCount = report.RankedCount,
            ChildCount = report.Rows.Count,
            CompareReportedCount = report.Completeness is { } completeness ? completeness.CompareReported : report.CompareDate is null ? null : (int?)report.Rows.Count,
            WithheldReason = AnnexDocument.WithheldReason(report),
        };
    }
}

internal sealed record AnnexJsonModel(
    string Date,
    string? CompareDate,
    AreaJson Area,
    IReadOnlyList<RowJson> Rows,
    UnassignedJson Unassigned,
    TotalJson Total,
    IReadOnlyList<WarningJson> Warnings,
    string Summary,
    int RankedCount,
    int MissingCount)
{
    /// <summary>False when a child area is missing on the report or comparison date: the total's rate, change and rate change are then null.</summary>
    public bool Complete { get; init; } = true;

    /// <summary>Child areas with a count on the report date.</summary>
    public int ReportedCount { get; init; }

    /// <summary>All child areas.</summary>
    public int ChildCount { get; init; }

    /// <summary>Child areas with a count on the comparison date; null without one.</summary>
    public int? CompareReportedCount { get; init; }

    /// <summary>Why the total's figures are withheld ("chưa đủ số liệu: 2/12 huyện, thành phố có số liệu ngày 20/8/2020"); null when complete.</summary>
    public string? WithheldReason { get; init; }
}

internal sealed record AreaJson(string Code, string Name);

internal sealed record RowJson(int? Rank, string Code, string Name, long? Population, long? Registrations, long? Change, decimal? Rate, decimal? RateChange, int? PreviousRank, int? RankChange);

internal sealed record UnassignedJson(long Registrations, long? Change);

internal sealed record TotalJson(long? Population, long RowsPopulation, long Registrations, long? Change, decimal? Rate, decimal? RateChange);

internal sealed record WarningJson(string Kind, string? AreaCode, string Message, string Hint);
