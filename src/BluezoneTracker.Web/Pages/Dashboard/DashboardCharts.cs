using System.Text.Encodings.Web;
using System.Text.Json;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Scope;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages.Dashboard;

/// <summary>
/// One line of the cumulative chart: an area's counts on each date (null where it has none) and the
/// population its rates are computed with (null when unknown: the line then has no rates to draw).
/// </summary>
public sealed record ChartLine(string Code, string Name, IReadOnlyList<long?> Values, long? Population = null)
{
    /// <summary>The adoption rate on each date, exact; null where there is no count or no population.</summary>
    /// <remarks>Computed once: the table alternative reads it per date and line.</remarks>
    public IReadOnlyList<decimal?> Rates { get; } = [.. Values.Select(v => v is { } c && Population is > 0 ? c / (decimal)Population.Value : (decimal?)null)];
}

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
    string CumulativeChoice,
    string DailySummary,
    string ProgressSummary,
    Lazy<string> JsonText)
{
    /// <summary>
    /// The charts' data as JSON for <c>wwwroot/js/dashboard.js</c>, serialized the first time it is asked for: only
    /// the charts' own request needs it, so the page's first rendering after a write does not serialize every
    /// child's rate and every date's point (docs/decisions/130).
    /// </summary>
    public string Json => JsonText.Value;

    /// <summary>Rates as percentages with two decimals, as the chart plots them.</summary>
    public static decimal RatePercent(decimal rate) => VietnameseFormat.Round(rate * 100m, 2);

    public static decimal ProgressPercent(decimal progress) => VietnameseFormat.Round(progress * 100m, 1);

    public static decimal PerDay(DailyNew daily) => VietnameseFormat.Round(daily.PerDay, 1);

    public static string Period(DailyNew daily) =>
        $"{UiFormat.Date(daily.From)}–{UiFormat.Date(daily.To)}";

    public static DashboardCharts Build(
        AreaFigures figures,
        PacingReport? pacing,
        IReadOnlyList<SeriesPoint> totals,
        IReadOnlyList<Area> districts,
        IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>> districtSeries,
        IStringLocalizer<SharedResource> localizer,
        bool lowestByDefault = true)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(districts);
        ArgumentNullException.ThrowIfNull(districtSeries);
        ArgumentNullException.ThrowIfNull(localizer);
        var annex = figures.Annex;
        var words = new AreaWords(annex.Wording(), localizer);
        var rateRows = annex.Rows.Where(r => r.Rate is not null).ToList();
        var shown = RegistrationSeries.UpTo(totals, annex.Date);
        var dates = shown.Select(p => p.Date).ToList();
        // A date on which a child has no count has no point of the whole (a gap, not a dip to a partial sum).
        var province = new ChartLine(annex.Area.Code, words.Say(AreaWords.Whole), [.. shown.Select(p => p.IsComplete ? p.Registrations : (long?)null)], annex.Total.Population);
        var lines = new List<ChartLine> { province };
        lines.AddRange(districts.Select(d => Line(d, districtSeries.GetValueOrDefault(d.Code) ?? [], dates)));
        var daily = RegistrationSeries.NewPerDay(shown);
        var progressRows = pacing?.Children.Where(c => c.Progress.Progress is not null).OrderByDescending(c => c.Progress.Progress).ToList() ?? [];

        string Status(TargetStatus s) => localizer[StatusText(s)];
        var totalRate = annex.Total.Rate;
        var data = new
        {
            separators = new { thousands = UiFormat.NumberSeparators.Thousands, @decimal = UiFormat.NumberSeparators.Decimal },
            rate = new
            {
                title = words.Say(AreaWords.RateChartTitle),
                axis = localizer["Tỷ lệ (%)"].Value,
                names = rateRows.Select(r => r.Name),
                values = rateRows.Select(r => RatePercent(r.Rate!.Value)),
                display = rateRows.Select(r => UiFormat.Percent(r.Rate!.Value, AnnexDocument.RowRateDecimals)),
                target = figures.Target is { } t ? VietnameseFormat.Round(t.Share * 100m, 2) : (decimal?)null,
                targetLabel = figures.Target is { } t2 ? localizer["Chỉ tiêu {0}", UiFormat.Share(t2.Share)].Value : null,
                province = totalRate is { } tr ? RatePercent(tr) : (decimal?)null,
                provinceLabel = totalRate is { } tr2 ? words.Say(AreaWords.WholeRate, UiFormat.Percent(tr2, AnnexDocument.TotalRateDecimals)) : null,
            },
            // Rates on one axis (no second y axis that makes a district's line look as big as the province's),
            // against days since the first date, so a five-day gap is five times as wide as a one-day gap.
            cumulative = new
            {
                title = localizer["Tỷ lệ đăng ký / dân số theo thời gian"].Value,
                axis = localizer["Tỷ lệ (%)"].Value,
                start = dates.Count > 0 ? VietnameseFormat.IsoDate(dates[0]) : null,
                days = dates.Select(d => d.DayNumber - dates[0].DayNumber),
                dates = dates.Select(UiFormat.Date),
                lines = lines.Select((l, i) => new
                {
                    code = l.Code,
                    name = l.Name,
                    province = i == 0,
                    values = l.Rates.Select(r => r is { } x ? RatePercent(x) : (decimal?)null),
                    display = l.Values.Zip(l.Rates, (v, r) => v is { } x
                        ? r is { } rate ? $"{UiFormat.Percent(rate, 2)} ({localizer["{0} lượt", UiFormat.Count(x)]})" : localizer["{0} lượt", UiFormat.Count(x)].Value
                        : "—"),
                }),
            },
            daily = new
            {
                title = words.Say(AreaWords.DailyTitle),
                axis = localizer["Lượt/ngày"].Value,
                periods = daily.Select(Period),
                values = daily.Select(PerDay),
                display = daily.Select(d => (d.Days == 1
                    ? localizer["{0} lượt/ngày ({1} trong 1 ngày)", UiFormat.Number(d.PerDay, 0), UiFormat.Change(d.Change)]
                    : localizer["{0} lượt/ngày ({1} trong {2} ngày)", UiFormat.Number(d.PerDay, 0), UiFormat.Change(d.Change), d.Days]).Value),
            },
            progress = new
            {
                title = words.Say(AreaWords.ProgressChartTitle),
                axis = localizer["% chỉ tiêu"].Value,
                names = progressRows.Select(r => r.Name),
                values = progressRows.Select(r => ProgressPercent(r.Progress.Progress!.Value)),
                display = progressRows.Select(r => $"{UiFormat.Percent(r.Progress.Progress!.Value, 1)} – {Status(r.Progress.Status)}"),
                status = progressRows.Select(r => r.Progress.Status.ToString()),
            },
        };

        return new DashboardCharts(
            rateRows, dates, lines, daily, progressRows,
            DescribeRate(annex, rateRows, figures.Target, words),
            DescribeCumulative([.. shown.Where(p => p.IsComplete)], localizer, words),
            lowestByDefault
                ? words.Say(AreaWords.DrawnLowest, districts.Count)
                : words.Say(AreaWords.DrawnChosen, string.Join(", ", districts.Select(d => d.Name))),
            DescribeDaily(daily, localizer, words),
            DescribeProgress(pacing, progressRows, localizer, words),
            new Lazy<string>(() => JsonSerializer.Serialize(data, JsonOptions)));
    }

    /// <summary>A district's counts on the dates shown: null where it has none.</summary>
    private static ChartLine Line(Area district, IReadOnlyList<SeriesPoint> points, IReadOnlyList<DateOnly> dates)
    {
        var byDate = points.ToDictionary(p => p.Date, p => p.Registrations);
        return new ChartLine(district.Code, district.Name, [.. dates.Select(d => byDate.TryGetValue(d, out var r) ? r : (long?)null)], district.Population?.Count);
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

    private static string DescribeRate(AnnexReport annex, List<AnnexRow> rows, Target? target, AreaWords words)
    {
        if (rows.Count == 0)
        {
            return words.Say(AreaWords.NoRateYet);
        }

        var total = annex.Total.Rate is { } r ? UiFormat.Percent(r, AnnexDocument.TotalRateDecimals) : "—";
        var goal = target is { } t ? UiFormat.Share(t.Share) : "—";
        return words.Say(AreaWords.HighestLowest,
            rows[0].Name, UiFormat.Percent(rows[0].Rate!.Value, 1),
            rows[^1].Name, UiFormat.Percent(rows[^1].Rate!.Value, 1), total, goal);
    }

    private static string DescribeCumulative(IReadOnlyList<SeriesPoint> shown, IStringLocalizer<SharedResource> localizer, AreaWords words) =>
        shown.Count == 0 ? localizer["Chưa có ngày nào đủ số liệu của mọi nơi."]
        : shown.Count < 2
            ? localizer["Mới có số liệu của một ngày ({0}): {1} lượt đăng ký.", UiFormat.Date(shown[0].Date), UiFormat.Count(shown[0].Registrations)]
            : words.Say(AreaWords.CumulativeFromTo,
                UiFormat.Date(shown[0].Date), UiFormat.Date(shown[^1].Date),
                UiFormat.Count(shown[0].Registrations), UiFormat.Count(shown[^1].Registrations), shown.Count);

    private static string DescribeDaily(IReadOnlyList<DailyNew> daily, IStringLocalizer<SharedResource> localizer, AreaWords words)
    {
        if (daily.Count == 0)
        {
            return localizer["Cần ít nhất hai lần thống kê để tính số đăng ký mới mỗi ngày."];
        }

        var last = daily[^1];
        var best = daily.MaxBy(d => d.PerDay)!;
        return words.Say(AreaWords.LatestPeriod,
            Period(last), UiFormat.Number(last.PerDay, 0), UiFormat.Number(best.PerDay, 0), Period(best));
    }

    private static string DescribeProgress(PacingReport? pacing, List<AreaPacing> rows, IStringLocalizer<SharedResource> localizer, AreaWords words)
    {
        if (pacing is null || rows.Count == 0)
        {
            return localizer["Chưa đặt chỉ tiêu"];
        }

        var good = rows.Count(r => r.Progress.Status is TargetStatus.OnTrack or TargetStatus.Achieved);
        var lowest = rows[^1];
        return words.Say(AreaWords.OnTrack,
            good, rows.Count, lowest.Name, UiFormat.Percent(lowest.Progress.Progress!.Value, 1));
    }
}
