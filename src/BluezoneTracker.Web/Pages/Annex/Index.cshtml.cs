using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Pages.Annex;

/// <summary>The official annex (phụ lục) as a printable page, always in Vietnamese.</summary>
public sealed class IndexModel(FiguresQuery query, Messages messages, IOptions<ReportSettings> settings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Compare { get; set; }

    public AnnexDocument? Document { get; private set; }

    public string? Problem { get; private set; }

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await query.GetAsync(new FiguresRequest(null, Date, Compare), cancellationToken);
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

        Document = AnnexDocument.From(figures.Annex, settings.Value);
        Warnings = [.. figures.Annex.Warnings.Select(messages.Warning)];
        return Page();
    }

    /// <summary>Query values for links to the same annex in other formats.</summary>
    public Dictionary<string, string> RouteValues()
    {
        var values = new Dictionary<string, string>();
        if (Document is { } d)
        {
            values["date"] = Core.Formatting.VietnameseFormat.IsoDate(d.Report.Date);
            if (d.Report.CompareDate is { } c)
            {
                values["compare"] = Core.Formatting.VietnameseFormat.IsoDate(c);
            }
        }

        return values;
    }
}
