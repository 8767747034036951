using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Import;
using BluezoneTracker.Web.Infrastructure;
using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BluezoneTracker.Web.Pages.Snapshots;

/// <summary>The entry grid: one input per district beside its last known count, checked like a file.</summary>
public sealed class NewModel(SnapshotIntake intake, SeriesQuery series, ImportMessages texts) : PageModel
{
    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Counts { get; set; } = [];

    [BindProperty]
    public string? Unassigned { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool ConfirmWarnings { get; set; }

    public AreaCatalog? Catalog { get; private set; }

    public SnapshotCounts? LastKnown { get; private set; }

    public IntakeDraft? Draft { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Warnings were shown and must now be confirmed.</summary>
    public bool AskConfirmation { get; private set; }

    /// <param name="date">A date asked for by a link ("enter the counts of this date"); else the day after the latest counts.</param>
    public async Task OnGetAsync(string? date, CancellationToken ct)
    {
        await LoadAsync(ct);
        Date = VietnameseFormat.TryParseIsoDate(date, out var asked)
            ? VietnameseFormat.IsoDate(asked)
            : VietnameseFormat.IsoDate(SnapshotDates.NextToEnter(Catalog!.Dates, intake.Today));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Draft = await intake.FromGridAsync(Date, Counts, Unassigned, ct);
        var result = await intake.SaveAsync(Draft, RevisionSource.Form, Reason, ActingUser.Name(User), ConfirmWarnings, ct);
        if (result.Saved)
        {
            return RedirectToPage("History", new { date = VietnameseFormat.IsoDate(result.Date!.Value), saved = result.Number });
        }

        Problems = [.. result.Problems.Select(texts.Problem)];
        AskConfirmation = Problems.Count == 0 && Draft.NeedsConfirmation;
        ConfirmWarnings = false;
        Response.StatusCode = Problems.Count > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Catalog = await intake.CatalogAsync(ct);
        LastKnown = SnapshotDates.Latest(Catalog.Dates) is { } latest ? await series.CountsOnAsync(Catalog, latest, ct) : null;
    }
}
