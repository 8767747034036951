using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Infrastructure;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Snapshots;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BluezoneTracker.Web.Pages.Snapshots;

/// <summary>
/// The entry grid: one input per district, checked like a file. For a date that has counts the grid is
/// pre-filled with them, so saving a correction keeps every district the user did not touch; a blank box
/// is never a removal — removing a district's count is its own ticked action with its own confirmation.
/// The reference column shows the previous date's counts, labelled with that date.
/// </summary>
public sealed class NewModel(SnapshotIntake intake, SeriesQuery series, Web.Snapshots.ReportingStatusQuery reporting, ImportMessages texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Counts { get; set; } = [];

    [BindProperty]
    public string? Unassigned { get; set; }

    /// <summary>Codes of the districts whose count is to be removed from the date.</summary>
    [BindProperty]
    public List<string> Remove { get; set; } = [];

    [BindProperty]
    public bool ConfirmRemoval { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool ConfirmWarnings { get; set; }

    /// <summary>The date's current revision number when the grid was opened (blank: none); checked inside the save.</summary>
    [BindProperty]
    public int? Previewed { get; set; }

    public AreaCatalog? Catalog { get; private set; }

    /// <summary>The counts of the latest date before the grid's date: the reference column.</summary>
    public SnapshotCounts? Reference { get; private set; }

    /// <summary>The grid's date's current counts, when it has some.</summary>
    public SnapshotCounts? OnDate { get; private set; }

    public IntakeDraft? Draft { get; private set; }

    /// <summary>Which children have reported on the grid's date so far.</summary>
    public ReportingStatus? Reporting { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Why this area has no counts table of its own (it has no child areas; its count is a row of its parent's table), or null.</summary>
    public string? NoTable { get; private set; }

    /// <summary>
    /// The grid's date has counts and is signed off, and this user may not revise it (a Staff member): the page says so
    /// above the grid instead of letting them fill it in to be refused when saving (round 9's trial).
    /// </summary>
    public bool SignedOffForThisUser { get; private set; }

    /// <summary>Why the <c>?date=</c> the grid was opened with cannot be entered (the page answers 400).</summary>
    public string? DateProblem { get; private set; }

    /// <summary>Warnings were shown and must now be confirmed.</summary>
    public bool AskConfirmation { get; private set; }

    /// <summary>Removals were ticked and must now be confirmed on their own.</summary>
    public bool AskRemovalConfirmation { get; private set; }

    /// <summary>
    /// The grid of <see cref="Date"/> (bound from <c>?date=</c>, e.g. a "enter the counts of this date" link), else of
    /// the day after the latest counts; a date that has counts is pre-filled with them.
    /// </summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Date))
        {
            Catalog = await intake.CatalogAsync(ct);
            Date = VietnameseFormat.IsoDate(intake.NextDateToEnter(Catalog));
        }
        else if (Core.Import.AsOfDate.Parse(Date, intake.Today).Problem is { } dateProblem)
        {
            // A link or a typed URL with a date that cannot be entered: said now, not only when saving.
            DateProblem = texts.Problem(dateProblem);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(ct);
        if (Catalog is { Children.Count: 0 } leaf)
        {
            NoTable = texts.NoTableHere(leaf.Area.Name);
            return;
        }

        if (OnDate is { } counts)
        {
            foreach (var area in Catalog!.Children)
            {
                Counts[area.Code] = counts.For(area.Code) is { } n ? VietnameseFormat.Count(n) : null;
            }

            Unassigned = VietnameseFormat.Count(counts.Unassigned);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Remove = [.. Remove.Where(code => OnDate?.For(code) is not null).Distinct(StringComparer.Ordinal)];
        Draft = await intake.FromGridAsync(Date, Counts, Unassigned, Remove, ct);
        if (!Draft.HasErrors && Remove.Count > 0 && !ConfirmRemoval)
        {
            AskRemovalConfirmation = true;
            AskConfirmation = Draft.NeedsConfirmation;
            return Page();
        }

        var result = await intake.SaveAsync(Draft with { CurrentNumber = Previewed }, RevisionSource.Form, Reason, ActingUser.Of(HttpContext), ConfirmWarnings, ct);
        if (result.Saved)
        {
            return RedirectToPage("History", new { date = VietnameseFormat.IsoDate(result.Date!.Value), saved = result.Number });
        }

        if (result.Forbidden is { } forbidden)
        {
            // Who may write is no error in the grid: a 403 with its one sentence, as the restore's (decision 162).
            HttpContext.Items[Scope.AreaRouting.RefusalMessageKey] = texts.Problem(forbidden);
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Problems = texts.Problems(result.Problems);
        AskConfirmation = Problems.Count == 0 && Draft.NeedsConfirmation;
        ConfirmWarnings = false;
        Response.StatusCode = Problems.Count > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
        return Page();
    }

    /// <summary>The names of the districts ticked for removal, for the confirmation sentence.</summary>
    public string RemovedNames() =>
        string.Join(", ", Catalog?.Children.Where(a => Remove.Contains(a.Code)).Select(a => a.Name) ?? []);

    private async Task LoadAsync(CancellationToken ct)
    {
        Catalog ??= await intake.CatalogAsync(ct);
        var date = Core.Import.AsOfDate.Parse(Date, intake.Today).Date;
        OnDate = date is { } day ? await series.CountsOnAsync(Catalog, day, ct) : null;
        var before = date is { } day2 ? SnapshotDates.Before(Catalog.Dates, day2) : SnapshotDates.Latest(Catalog.Dates);
        Reference = before is { } b ? await series.CountsOnAsync(Catalog, b, ct) : null;
        Reporting = date is { } day4 ? await reporting.OnAsync(Catalog, day4, ct) : null;
        SignedOffForThisUser = OnDate is not null && date is { } day5 && !await intake.MayReviseAsync(Catalog.Area.Code, day5, ActingUser.Of(HttpContext), ct);
        if (HttpMethods.IsGet(Request.Method))
        {
            Previewed = date is { } day3 ? Catalog.Revisions.FirstOrDefault(r => r.Date == day3)?.Number : null;
        }
    }
}
