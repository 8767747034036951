using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Scope;

namespace BluezoneTracker.Web.Reports;

/// <summary>The annex as JSON: numbers as numbers, rates as exact fractions (not rounded, not percentages).</summary>
internal static class AnnexJson
{
    /// <summary>
    /// The JSON of <paramref name="document"/>; <paramref name="load"/>, when given (<c>/api/annex</c>), adds
    /// <c>signOff</c>: whether the annex is the signed one or a draft (a fresh user's trial, round 10: a signed date
    /// answered the signed copy with nothing saying so, while a newer revision had changed a count).
    /// </summary>
    public static AnnexJsonModel From(AnnexDocument document, Messages messages, AnnexLoad? load = null)
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
            SignOff = load?.SignOff is { } status ? SignOffJson.From(status, load.ChangesSinceSignOff.Count) : null,
            Complete = !report.TotalIsWithheld && !report.ChangeIsWithheld,
            ReportedCount = report.RankedCount,
            ChildCount = report.Rows.Count,
            CompareReportedCount = report.Completeness is { } completeness ? completeness.CompareReported : report.CompareDate is null ? null : (int?)report.Rows.Count,
            WithheldReason = AnnexDocument.WithheldReason(report),
        };
    }
}

/// <summary>
/// The sign-off state of an annex in JSON. <c>status</c>: "signed" (this is the annex as signed: every cell, setting and
/// dispatch as they were at sign-off; <c>changedCells</c> counts the cells the current data gives differently — ask
/// <c>draft=true</c> for them) or "draft" (not signed; <c>signedRevision</c>, <c>signedBy</c>, <c>signedAt</c> name an
/// earlier sign-off of the date when there is one). <c>revision</c>: the revision of the counts shown. <c>line</c>: the
/// Vietnamese line the Excel and PDF files print about it, or null.
/// </summary>
internal sealed record SignOffJson(string Status, int Revision, int? SignedRevision, string? SignedBy, DateTimeOffset? SignedAt, int? ChangedCells, string? Line)
{
    public static SignOffJson From(SignOffStatus status, int changedCells)
    {
        var signed = status.Current ?? status.Superseded;
        return new SignOffJson(
            status.IsDraft ? "draft" : "signed",
            status.RevisionNumber,
            signed?.RevisionNumber,
            signed?.SignedBy,
            signed?.SignedAt,
            status.IsDraft ? null : changedCells,
            status.StatusLine);
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
    /// <summary>Whether this is the signed annex or a draft (<c>/api/annex</c> only; omitted elsewhere).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public SignOffJson? SignOff { get; init; }

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
