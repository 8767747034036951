using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Scope;
using BluezoneTracker.Web.SignOffs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages.Dashboard;

/// <summary>The province at a glance: totals, charts, target pacing, the district ranking and data warnings.</summary>
public sealed class IndexModel(FiguresQuery query, SeriesQuery series, Web.Snapshots.ReportingStatusQuery reporting, Figures.AreaHistoryQuery history, Messages messages, IStringLocalizer<SharedResource> localizer, PublicAccess access, DataVersion version, Reports.AnnexSource annexes, Scope.AreaScope scope) : PageModel, Shared.ILongListPage
{
    /// <summary>The comparison preset "the latest snapshot at least seven days before the report date".</summary>
    public const string WeekEarlier = "7d";

    /// <summary>How many lagging districts the cumulative chart shows when none are chosen.</summary>
    public const int DefaultDistrictLines = 3;

    /// <summary>How long an unread rendering stays cached (as the figures it shows).</summary>
    public static readonly TimeSpan RenderLifetime = TimeSpan.FromMinutes(30);

    /// <summary>Above this many dates the date choices are date fields, not lists of every date (issue #13).</summary>
    public const int DateListLimit = Shared.ILongListPage.DateListLimit;

    /// <summary>Where the page puts itself in ViewData for its partials (the pager).</summary>
    public const string ViewDataKey = Shared.ILongListPage.ViewDataKey;

    /// <summary>Rows per page of the ranking and pacing tables: a ministry's 700 districts are 14 pages, not one 1 MB table.</summary>
    public const int RowsPerPage = 50;

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    /// <summary>The page of the ranking and pacing tables (the URL's "p"), from 1; out of range shows the nearest page.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The cumulative table day by day (the URL's "days=all") instead of one row a week on a long series.</summary>
    [BindProperty(SupportsGet = true, Name = "days")]
    public string? Days { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Compare { get; set; }

    /// <summary>Codes of the districts drawn on the cumulative chart (the URL's "d" values).</summary>
    [BindProperty(SupportsGet = true, Name = "d")]
    public IReadOnlyList<string> Districts { get; set; } = [];

    /// <summary>
    /// A child to add to the cumulative chart, typed by name or code in the chart picker's search field (the
    /// URL's "add"): found, the browser is sent to the page with it among the "d" values; not found (or several
    /// fit), <see cref="AddNotice"/> says so. Reaches every child however many there are (issue #13).
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "add")]
    public string? Add { get; set; }

    /// <summary>Why <see cref="Add"/> did not add a child; null when nothing was asked or it was added.</summary>
    public string? AddNotice { get; private set; }

    public AreaCatalog? Catalog { get; private set; }

    public AreaFigures? Figures { get; private set; }

    public PacingReport? Pacing { get; private set; }

    public DashboardCharts? Charts { get; private set; }

    public string? Problem { get; private set; }

    public string? CompareNotice { get; private set; }

    public IReadOnlyList<ExplainedWarning> Warnings { get; private set; } = [];

    public IReadOnlySet<string> ChosenDistricts { get; private set; } = new HashSet<string>();

    /// <summary>
    /// The date's sign-off when its annex is signed (null for a draft). The page shows current figures; with a
    /// sign-off it says whether they still agree with the signed annex (docs/decisions/055).
    /// </summary>
    public Core.Reports.SignOff? SignedOff { get; private set; }

    /// <summary>The annex as signed, when <see cref="SignedOff"/> is set: the figures the dispatch carries.</summary>
    public Core.Reports.AnnexDocument? SignedAnnex { get; private set; }

    /// <summary>Cells in which the current data differs from <see cref="SignedAnnex"/> (as the annex page lists them).</summary>
    public IReadOnlyList<Core.Reports.AnnexDifferences.Cell> ChangesSinceSignOff { get; private set; } = [];

    /// <summary>Which children have reported on the report date, and which have not.</summary>
    public Core.Snapshots.ReportingStatus? Reporting { get; private set; }

    /// <summary>The area's own history over time; the whole page for an area without children.</summary>
    public Figures.AreaHistoryReport? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Read before the figures: a write meanwhile leaves newer figures under an already stale key, never the reverse.
        var dataVersion = version.Current;
        var (allowed, date) = await access.ResolveAsync(Date, cancellationToken);
        if (!allowed)
        {
            return Challenge();
        }

        Date = date;
        // A signed date compares by default with what it was signed with (decision 068), as its annex does.
        var request = await annexes.WithSignedComparisonAsync(new FiguresRequest(await scope.CodeAsync(cancellationToken), Date, await ResolveCompareAsync(cancellationToken)), cancellationToken);
        var result = await query.GetAsync(request, cancellationToken);
        Catalog = result.Catalog;
        if (Catalog is { Children.Count: 0 } leaf)
        {
            // An area without children has nothing to rank: its own history is its page.
            History = await history.ForAsync(leaf, cancellationToken);
            RenderKey = string.Join('|', dataVersion, leaf.Area.Code);
            return Page();
        }

        if (result.Figures is not { } figures || Catalog is null)
        {
            (Problem, Response.StatusCode) = messages.ForPage(result);
            return Page();
        }

        if (!string.IsNullOrWhiteSpace(Add))
        {
            var matcher = new Core.Import.AreaMatcher(Catalog.Children);
            var found = matcher.ByCode(Add) ?? matcher.ByName(Add) switch { { Ambiguous: false, Area: { } byName } => byName, _ => null };
            if (found is not null)
            {
                return Redirect(Url.Page("/Dashboard/Index", new { date = Date, compare = Compare, d = Districts.Append(found.Code).Distinct(StringComparer.Ordinal).ToList(), p = PageNumber == 1 ? null : (int?)PageNumber, days = Days })!);
            }

            AddNotice = localizer["Không tìm thấy “{0}” trong danh sách: hãy chọn một tên trong danh sách gợi ý hoặc gõ mã của nó.", Add.Trim()];
        }

        Figures = figures;
        Shared.AnnexLink.Remember(ViewData, figures.Annex);
        RenderKey = string.Join('|', dataVersion, Catalog.Area.Code, Request.PathBase, Date, Compare, string.Join(',', Districts), PageNumber, EveryDay, Add);
        return Page();
    }

    /// <summary>
    /// What the rendered page depends on besides the UI language. The page caches its rendering under it
    /// (a &lt;cache&gt; tag helper, bounded in size): until the next write, a dashboard is rendered once.
    /// </summary>
    public string RenderKey { get; private set; } = string.Empty;

    /// <summary>Pacing, warnings and the charts: called by the page only when its rendering is not cached.</summary>
    public async Task LoadDetailsAsync(CancellationToken cancellationToken = default)
    {
        if (Figures is not { } figures || Catalog is not { } catalog)
        {
            return;
        }

        Warnings = [.. figures.Annex.Warnings.Select(messages.Explain)];
        var report = figures.Annex.Date;
        // The annex page's own load: the signed annex and its differences from the current data, one rule for both pages.
        var annex = await annexes.LoadAsync(new FiguresRequest(null, VietnameseFormat.IsoDate(report), null), draft: false, cancellationToken);
        if (annex.SignOff?.Current is { } signedOff)
        {
            SignedOff = signedOff;
            SignedAnnex = annex.Document;
            ChangesSinceSignOff = annex.ChangesSinceSignOff;
        }


        Reporting = await reporting.OnAsync(catalog, report, cancellationToken);
        History = await history.ForAsync(catalog, cancellationToken);
        if (figures.Target is not null)
        {
            var window = PaceWindow.Ending(catalog.Dates, report);
            var start = window is null ? null : await series.CountsOnAsync(catalog, window.From, cancellationToken);
            Pacing = PacingReport.Build(figures, catalog.ChildrenOn(report), window, start);
        }

        var known = catalog.Children.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var chosen = Districts.Where(known.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            // Which districts lag is the question: show the lowest-ranked ones by default.
            chosen = [.. figures.Annex.Rows.Where(r => r.Rate is not null).TakeLast(DefaultDistrictLines).Select(r => r.Code)];
        }

        ChosenDistricts = chosen.ToHashSet(StringComparer.Ordinal);
        var totals = await series.TotalsAsync(catalog, cancellationToken);
        var perDistrict = await series.ChildrenAsync(catalog, chosen, cancellationToken);
        var districts = catalog.Children.Where(c => ChosenDistricts.Contains(c.Code)).ToList();
        Charts = DashboardCharts.Build(figures, Pacing, totals, districts, perDistrict, localizer, lowestByDefault: !Districts.Any(known.Contains));
    }

    /// <summary>
    /// The charts' data (<see cref="DashboardCharts.Json"/>) for the same query as the page, fetched by
    /// <c>wwwroot/js/dashboard.js</c> when the charts come near the screen rather than carried in every page
    /// (issue #13: at 700 children it was 300 KB of the page). Kept by the response cache like the page;
    /// 404 for an area without children (no charts), the page's own status when the figures cannot be made.
    /// </summary>
    public async Task<IActionResult> OnGetChartsAsync(CancellationToken cancellationToken)
    {
        var page = await OnGetAsync(cancellationToken);
        if (page is not PageResult)
        {
            return page;
        }

        if (Problem is not null)
        {
            return StatusCode(Response.StatusCode);
        }

        await LoadDetailsAsync(cancellationToken);
        return Charts is null ? NotFound() : Content(Charts.Json, "application/json; charset=utf-8");
    }

    /// <summary>
    /// Every child of the area as JSON <c>[{"code":…,"name":…}]</c>, for the chart picker's search field
    /// (a datalist filled by dashboard.js when the field gets focus), so the page itself need not list 700 or
    /// 10 000 children. Kept by the response cache like the page (same checks: reader, area scope).
    /// </summary>
    public async Task<IActionResult> OnGetChildrenAsync(CancellationToken cancellationToken)
    {
        var (allowed, _) = await access.ResolveAsync(null, cancellationToken);
        if (!allowed)
        {
            return Challenge();
        }

        var catalog = await scope.CatalogAsync(cancellationToken);
        return new JsonResult((catalog?.Children ?? []).Select(c => new { code = c.Code, name = c.Name }));
    }

    /// <summary>The URL of <see cref="OnGetChildrenAsync"/>.</summary>
    public string ChildrenUrl() => Url.Page("/Dashboard/Index", "Children")!;

    /// <summary>The URL of <see cref="OnGetChartsAsync"/> for the shown dates and chosen children (the table page and the days do not change the charts).</summary>
    public string ChartsUrl() => Url.Page("/Dashboard/Index", "Charts", new { date = Date, compare = Compare, d = Districts })!;

    /// <summary>Turns the "7 days earlier" preset into a date; a date or blank passes through for FiguresQuery to check.</summary>
    private async Task<string?> ResolveCompareAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(Compare?.Trim(), WeekEarlier, StringComparison.Ordinal))
        {
            return Compare;
        }

        var catalog = await scope.CatalogAsync(cancellationToken);
        if (catalog is not { Dates.Count: > 0 })
        {
            return null;
        }

        var report = VietnameseFormat.TryParseIsoDate(Date?.Trim(), out var d) ? d : catalog.Dates[^1];
        // The week the pacing measures: a window that is not a full week has no date seven days earlier.
        if (PaceWindow.Ending(catalog.Dates, report) is not { IsFullWeek: true } week)
        {
            CompareNotice = localizer["Không có số liệu từ 7 ngày trước ngày {0} trở về trước; đang so với lần thống kê trước.", UiFormat.Date(report)];
            return null;
        }

        return VietnameseFormat.IsoDate(week.From);
    }

    /// <summary>Pages of <paramref name="rows"/> rows, at least one.</summary>
    public static int PageCount(int rows) => Math.Max(1, (rows + RowsPerPage - 1) / RowsPerPage);

    /// <summary>The page shown of a list of <paramref name="rows"/> rows: the asked one, kept within range.</summary>
    public int ShownPage(int rows) => Math.Clamp(PageNumber, 1, PageCount(rows));

    /// <summary>The rows of the shown page.</summary>
    public IEnumerable<T> PageOf<T>(IReadOnlyList<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Skip((ShownPage(rows.Count) - 1) * RowsPerPage).Take(RowsPerPage);
    }

    /// <summary>The URL of page <paramref name="page"/> with every other choice of this request kept.</summary>
    public string PageUrl(int page) => Url.Page("/Dashboard/Index", new { date = Date, compare = Compare, d = Districts, p = page == 1 ? null : (int?)page, days = Days })!;

    /// <summary>This dashboard with every day listed in its long tables (the URL's "days=all").</summary>
    public string AllDaysUrl() => Url.Page("/Dashboard/Index", new { date = Date, compare = Compare, d = Districts, p = PageNumber == 1 ? null : (int?)PageNumber, days = "all" })!;

    /// <summary>Whether the cumulative table lists every day (asked for, or a series short enough to read).</summary>
    public bool EveryDay => string.Equals(Days, "all", StringComparison.Ordinal);

    /// <summary>The pacing report with only the shown page of children (the others are one tap away).</summary>
    public PacingReport PacingPage(PacingReport pacing)
    {
        ArgumentNullException.ThrowIfNull(pacing);
        var pages = PageCount(pacing.Children.Count);
        return pacing with { Children = [.. PageOf(pacing.Children)], WithoutData = ShownPage(pacing.Children.Count) == pages ? pacing.WithoutData : [] };
    }

    /// <summary>Dates that can be compared with the report date: those before it, newest first.</summary>
    public IEnumerable<DateOnly> CompareChoices =>
        Catalog is null || Figures is null ? [] : Catalog.Dates.Where(d => d < Figures.Annex.Date).Reverse();

    public static string StatusCss(TargetStatus status) => status switch
    {
        TargetStatus.OnTrack or TargetStatus.Achieved => "text-bg-success",
        TargetStatus.OffTrack or TargetStatus.Missed => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    public static string StatusIcon(TargetStatus status) => status switch
    {
        TargetStatus.OnTrack or TargetStatus.Achieved => "✓",
        TargetStatus.OffTrack or TargetStatus.Missed => "✗",
        _ => "?",
    };
}
