using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Pages.Shared;
using BluezoneTracker.Web.Reports;
using BluezoneTracker.Web.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BluezoneTracker.Web.Pages.Annex;

/// <summary>The official annex (phụ lục) as a printable page, always in Vietnamese.</summary>
public sealed class IndexModel(AnnexSource source, Messages messages, Scope.AreaScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Compare { get; set; }

    /// <summary>"true": the annex of the current data (BẢN NHÁP) even when the date has a signed annex.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Draft { get; set; }

    /// <summary>Cells in which the current data differs from the signed annex shown.</summary>
    public IReadOnlyList<Core.Reports.AnnexDifferences.Cell> ChangesSinceSignOff { get; private set; } = [];

    /// <summary>Whether the current data gives another annex than the signed one (a draft to sign again).</summary>
    public bool HasNewDraft { get; private set; }

    public AnnexDocument? Document { get; private set; }

    public string? Problem { get; private set; }

    public IReadOnlyList<ExplainedWarning> Warnings { get; private set; } = [];

    /// <summary>Whether the date is signed off; every rendering shows "BẢN NHÁP" while it is not.</summary>
    public SignOffStatus? SignOff { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var annex = await source.LoadAsync(new FiguresRequest(null, Date, Compare), Reports.AnnexEndpoints.IsDraft(Draft), cancellationToken);
        if (!annex.Allowed)
        {
            return Challenge();
        }

        // The area's count is a row of its parent's table: that annex is the one to open (no dates to choose here).
        var parent = annex.Result?.Problem is FiguresProblem.NoChildAreas && scope.Path is [.., var above, _] ? above : null;

        // The date choices also on a problem (e.g. a date without counts picked in the date field): the reader picks another.
        Dates = parent is null ? annex.Result?.Catalog?.Dates ?? [] : [];
        if (annex.Document is not { } document)
        {
            (Problem, Response.StatusCode) = messages.ForPage(annex.Result!);
            if (parent is not null)
            {
                // Linked only when this reader may open it (the same rule the parent's pages answer 403 by), else named in plain text.
                ParentAnnex = (scope.MayOpen(Accounts.ActingUser.Of(HttpContext), parent.Code) ? Scope.AreaRouting.Link(HttpContext, parent.Code, "/annex") : null, parent.Name);
            }

            return Page();
        }

        Document = document;
        AnnexLink.Remember(ViewData, document.Report);
        SignOff = annex.SignOff;
        ChangesSinceSignOff = annex.ChangesSinceSignOff;
        HasNewDraft = annex.ChangesSinceSignOff.Count > 0;
        PopulationNote = annex.Notes?.PopulationNote ?? string.Empty;
        PrintedWarnings = annex.Notes?.Warnings ?? [];
        Synthetic = annex.Notes?.SyntheticNotice is not null;
        Warnings = [.. document.Report.Warnings.Select(messages.Explain)];
        return Page();
    }

    /// <summary>For an area without child areas: the link to its parent's annex, which carries its count (null when the reader may not open it), and the parent's name.</summary>
    public (string? Href, string Name)? ParentAnnex { get; private set; }

    /// <summary>
    /// Above this many dates the date choices are date fields, not lists of every date, as on the dashboard
    /// (issue #13; decision 131: at 730 dates the two lists were 1 460 options, a fifth of the 700-row annex page's elements).
    /// </summary>
    public const int DateListLimit = ILongListPage.DateListLimit;

    /// <summary>Dates with counts, oldest first: the choices of the date picker (empty when the store has none).</summary>
    public IReadOnlyList<DateOnly> Dates { get; private set; } = [];

    /// <summary>
    /// Whether the comparison shown is the default one (no comparison asked, and the annex is against the previous count),
    /// so that the "So với" field says "Lần thống kê trước"; otherwise it names the date shown — also when no comparison
    /// was asked and the signed annex, signed against another date, is shown (round 9's second trial: the field said
    /// "Lần thống kê trước" over a table compared with 12/8).
    /// </summary>
    public bool ShowsDefaultComparison => string.IsNullOrWhiteSpace(Compare)
        && Document?.Report.CompareDate == CompareChoices.Cast<DateOnly?>().FirstOrDefault();

    /// <summary>Dates that can be compared with the report date: those before it, newest first.</summary>
    public IEnumerable<DateOnly> CompareChoices => Document is null ? [] : Dates.Where(d => d < Document.Report.Date).Reverse();

    /// <summary>Which population figures the rates use, so that a later change of populations is never silent.</summary>
    public string PopulationNote { get; private set; } = string.Empty;

    /// <summary>The annex uses made-up figures (decision 066): every printed page carries the notice in its top margin (site.css, decision 084).</summary>
    public bool Synthetic { get; private set; }

    /// <summary>The warnings in Vietnamese, printed under the table on paper as in the PDF and the Excel file.</summary>
    public IReadOnlyList<string> PrintedWarnings { get; private set; } = [];

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

            if (SignOff is { IsDraft: true, Superseded: not null })
            {
                values["draft"] = "true";
            }
        }

        return values;
    }
}
