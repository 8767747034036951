using System.Text.Encodings.Web;
using System.Text.Json;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Localization;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages.Dashboard;

/// <summary>One line of the cumulative chart: an area's counts on each date (null where it has none).</summary>
public sealed record ChartLine(string Code, string Name, IReadOnlyList<long?> Values);

/// <summary>
/// What the four charts show, built once on the server: the numbers (exact, rounded for display),
/// the texts in the UI language, and a one-sentence summary of each. The page renders the
/// summaries and table alternatives; wwwroot/js/dashboard.js draws the charts from <see cref="Json"/>.
/// </summary>
public sealed record DashboardCharts(
    IReadOnlyList<AnnexRow> RateRows,
    IReadOnlyList<DateOnly> Dates,
    IReadOnlyList<ChartLine> Lines,
    IReadOnlyList<DailyNew> Daily,
    IReadOnlyList<AreaPacing> ProgressRows,
    string RateSummary,
    string CumulativeSummary,
    string DailySummary,
    string ProgressSummary,
    string Json)
{
    /// <summary>Rates as percentages with two decimals, as the chart plots them.</summary>
    public static decimal RatePercent(decimal rate) => VietnameseFormat.Round(rate * 100m, 2);

    public static decimal ProgressPercent(decimal progress) => VietnameseFormat.Round(progress * 100m, 1);

    public static decimal PerDay(DailyNew daily) => VietnameseFormat.Round(daily.PerDay, 1);

    public static string Period(DailyNew daily) =>
        $"{VietnameseFormat.Date(daily.From)}–{VietnameseFormat.Date(daily.To)}";

    public static DashboardCharts Build(
        AreaFigures figures,
        PacingReport? pacing,
        IReadOnlyList<SeriesPoint> totals,
        IReadOnlyList<Area> districts,
        IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>> districtSeries,
        IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(districts);
        ArgumentNullException.ThrowIfNull(districtSeries);
        ArgumentNullException.ThrowIfNull(localizer);
        var annex = figures.Annex;
        var rateRows = annex.Rows.Where(r => r.Rate is not null).ToList();
        var shown = RegistrationSeries.UpTo(totals, annex.Date);
        var dates = shown.Select(p => p.Date).ToList();
        var province = new ChartLine(annex.Area.Code, localizer["Toàn tỉnh"], [.. shown.Select(p => (long?)p.Registrations)]);
        var lines = new List<ChartLine> { province };
        lines.AddRange(districts.Select(d => Line(d, districtSeries.GetValueOrDefault(d.Code) ?? [], dates)));
        var daily = RegistrationSeries.NewPerDay(shown);
        var progressRows = pacing?.Children.Where(c => c.Progress.Progress is not null).OrderByDescending(c => c.Progress.Progress).ToList() ?? [];

        string Status(TargetStatus s) => localizer[StatusText(s)];
        var totalRate = annex.Total.Rate;
        var data = new
        {
            rate = new
            {
                title = localizer["Tỷ lệ đăng ký / dân số theo huyện"].Value,
                axis = localizer["Tỷ lệ (%)"].Value,
                names = rateRows.Select(r => r.Name),
                values = rateRows.Select(r => RatePercent(r.Rate!.Value)),
                display = rateRows.Select(r => VietnameseFormat.Percent(r.Rate!.Value, AnnexDocument.RowRateDecimals)),
                target = figures.Target is { } t ? VietnameseFormat.Round(t.Share * 100m, 2) : (decimal?)null,
                targetLabel = figures.Target is { } t2 ? localizer["Chỉ tiêu {0}", VietnameseFormat.Share(t2.Share)].Value : null,
                province = totalRate is { } tr ? RatePercent(tr) : (decimal?)null,
                provinceLabel = totalRate is { } tr2 ? localizer["Toàn tỉnh {0}", VietnameseFormat.Percent(tr2, AnnexDocument.TotalRateDecimals)].Value : null,
            },
            cumulative = new
            {
                title = localizer["Số đăng ký cộng dồn theo thời gian"].Value,
                axis = localizer["Toàn tỉnh (lượt)"].Value,
                districtAxis = localizer["Huyện (lượt)"].Value,
                dates = dates.Select(VietnameseFormat.Date),
                lines = lines.Select((l, i) => new
                {
                    code = l.Code,
                    name = l.Name,
                    province = i == 0,
                    values = l.Values,
                    display = l.Values.Select(v => v is { } x ? VietnameseFormat.Count(x) : "—"),
                }),
            },
            daily = new
            {
                title = localizer["Số đăng ký mới mỗi ngày (toàn tỉnh)"].Value,
                axis = localizer["Lượt/ngày"].Value,
                periods = daily.Select(Period),
                values = daily.Select(PerDay),
                display = daily.Select(d => localizer["{0} lượt/ngày ({1} trong {2} ngày)", VietnameseFormat.Number(d.PerDay, 0), VietnameseFormat.Change(d.Change), d.Days].Value),
            },
            progress = new
            {
                title = localizer["Tiến độ so với chỉ tiêu theo huyện"].Value,
                axis = localizer["% chỉ tiêu"].Value,
                names = progressRows.Select(r => r.Name),
                values = progressRows.Select(r => ProgressPercent(r.Progress.Progress!.Value)),
                display = progressRows.Select(r => $"{VietnameseFormat.Percent(r.Progress.Progress!.Value, 1)} – {Status(r.Progress.Status)}"),
                status = progressRows.Select(r => r.Progress.Status.ToString()),
            },
        };

        return new DashboardCharts(
            rateRows, dates, lines, daily, progressRows,
            DescribeRate(annex, rateRows, figures.Target, localizer),
            DescribeCumulative(shown, localizer),
            DescribeDaily(daily, localizer),
            DescribeProgress(pacing, progressRows, localizer),
            JsonSerializer.Serialize(data, JsonOptions));
    }

    /// <summary>A district's counts on the dates shown: null where it has none.</summary>
    private static ChartLine Line(Area district, IReadOnlyList<SeriesPoint> points, IReadOnlyList<DateOnly> dates)
    {
        var byDate = points.ToDictionary(p => p.Date, p => p.Registrations);
        return new ChartLine(district.Code, district.Name, [.. dates.Select(d => byDate.TryGetValue(d, out var r) ? r : (long?)null)]);
    }

    /// <summary>The default encoder escapes "&lt;", so a name can never close the embedding script element.</summary>
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Default };

    public static string StatusText(TargetStatus status) => status switch
    {
        TargetStatus.OnTrack => "Đúng tiến độ",
        TargetStatus.OffTrack => "Chậm tiến độ",
        TargetStatus.Achieved => "Đã đạt",
        TargetStatus.Missed => "Không đạt",
        _ => "Chưa xác định",
    };

    private static string DescribeRate(AnnexReport annex, List<AnnexRow> rows, Target? target, IStringLocalizer<SharedResource> localizer)
    {
        if (rows.Count == 0)
        {
            return localizer["Chưa có tỷ lệ của huyện nào."];
        }

        var total = annex.Total.Rate is { } r ? VietnameseFormat.Percent(r, AnnexDocument.TotalRateDecimals) : "—";
        var goal = target is { } t ? VietnameseFormat.Share(t.Share) : "—";
        return localizer["{0} có tỷ lệ cao nhất ({1}), {2} thấp nhất ({3}); toàn tỉnh {4}, chỉ tiêu {5}.",
            rows[0].Name, VietnameseFormat.Percent(rows[0].Rate!.Value, 1),
            rows[^1].Name, VietnameseFormat.Percent(rows[^1].Rate!.Value, 1), total, goal];
    }

    private static string DescribeCumulative(IReadOnlyList<SeriesPoint> shown, IStringLocalizer<SharedResource> localizer) =>
        shown.Count < 2
            ? localizer["Mới có số liệu của một ngày ({0}): {1} lượt đăng ký.", VietnameseFormat.Date(shown[0].Date), VietnameseFormat.Count(shown[0].Registrations)]
            : localizer["Từ {0} đến {1}, số đăng ký toàn tỉnh tăng từ {2} lên {3} qua {4} lần thống kê.",
                VietnameseFormat.Date(shown[0].Date), VietnameseFormat.Date(shown[^1].Date),
                VietnameseFormat.Count(shown[0].Registrations), VietnameseFormat.Count(shown[^1].Registrations), shown.Count];

    private static string DescribeDaily(IReadOnlyList<DailyNew> daily, IStringLocalizer<SharedResource> localizer)
    {
        if (daily.Count == 0)
        {
            return localizer["Cần ít nhất hai lần thống kê để tính số đăng ký mới mỗi ngày."];
        }

        var last = daily[^1];
        var best = daily.MaxBy(d => d.PerDay)!;
        return localizer["Trong khoảng gần nhất ({0}) toàn tỉnh có trung bình {1} lượt đăng ký mới mỗi ngày; cao nhất là {2} lượt/ngày ({3}).",
            Period(last), VietnameseFormat.Number(last.PerDay, 0), VietnameseFormat.Number(best.PerDay, 0), Period(best)];
    }

    private static string DescribeProgress(PacingReport? pacing, List<AreaPacing> rows, IStringLocalizer<SharedResource> localizer)
    {
        if (pacing is null || rows.Count == 0)
        {
            return localizer["Chưa đặt chỉ tiêu"];
        }

        var good = rows.Count(r => r.Progress.Status is TargetStatus.OnTrack or TargetStatus.Achieved);
        var lowest = rows[^1];
        return localizer["{0} trên {1} huyện đúng tiến độ hoặc đã đạt chỉ tiêu; thấp nhất là {2} với {3} chỉ tiêu.",
            good, rows.Count, lowest.Name, VietnameseFormat.Percent(lowest.Progress.Progress!.Value, 1)];
    }
}
