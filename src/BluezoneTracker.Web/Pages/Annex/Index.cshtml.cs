using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BluezoneTracker.Web.Pages.Annex;

/// <summary>The official annex (phụ lục) as a printable page, always in Vietnamese.</summary>
public sealed class IndexModel(FiguresQuery query, Messages messages, ReportSettingsStore settings, SignOffs.SignOffs signOffs, PublicAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Compare { get; set; }

    public AnnexDocument? Document { get; private set; }

    public string? Problem { get; private set; }

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>Whether the date is signed off; every rendering shows "BẢN NHÁP" while it is not.</summary>
    public SignOffStatus? SignOff { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (allowed, date) = await access.ResolveAsync(Date, cancellationToken);
        if (!allowed)
        {
            return Challenge();
        }

        Date = date;
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

        Document = AnnexDocument.From(figures.Annex, await settings.GetAsync(cancellationToken));
        SignOff = await signOffs.StatusAsync(result.Catalog!, figures.Annex.Date, cancellationToken);
        PopulationNote = PopulationSources(result.Catalog!);
        Warnings = [.. figures.Annex.Warnings.Select(messages.Warning)];
        return Page();
    }

    /// <summary>Which population figures the rates use, so that a later change of populations is never silent.</summary>
    public string PopulationNote { get; private set; } = string.Empty;

    private static string PopulationSources(AreaCatalog catalog)
    {
        var sources = catalog.Children.Prepend(catalog.Area)
            .Select(a => a.Population)
            .OfType<Core.Areas.Population>()
            .Select(p => string.IsNullOrWhiteSpace(p.Source) ? $"năm {p.Year}" : $"năm {p.Year}, nguồn: {p.Source}")
            .Distinct(StringComparer.Ordinal);
        return $"Dân số dùng để tính tỷ lệ: {string.Join("; ", sources)}.";
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
