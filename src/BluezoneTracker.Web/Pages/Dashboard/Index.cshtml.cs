using BluezoneTracker.Core.Figures;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BluezoneTracker.Web.Pages.Dashboard;

/// <summary>The province at a glance: totals, target pacing, the district ranking and data warnings.</summary>
public sealed class IndexModel(FiguresQuery query, Messages messages, PublicAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Compare { get; set; }

    public AreaCatalog? Catalog { get; private set; }

    public AreaFigures? Figures { get; private set; }

    public string? Problem { get; private set; }

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (allowed, date) = await access.ResolveAsync(Date, cancellationToken);
        if (!allowed)
        {
            return Challenge();
        }

        Date = date;
        var result = await query.GetAsync(new FiguresRequest(null, Date, Compare), cancellationToken);
        Catalog = result.Catalog;
        if (result.Figures is not { } figures)
        {
            var problem = result.Problem ?? FiguresProblem.NoData;
            Problem = messages.Problem(problem, result.Value);
            if (problem is not FiguresProblem.NoData)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return Page();
        }

        Figures = figures;
        Warnings = [.. figures.Annex.Warnings.Select(messages.Warning)];
        return Page();
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
}
