using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Infrastructure;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Snapshots;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BluezoneTracker.Web.Pages.Snapshots;

/// <summary>Every revision of a date: who, when, from where, why, what changed; earlier ones can be restored.</summary>
public sealed class HistoryModel(SnapshotIntake intake, AppDbContext db, ImportMessages texts, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record Entry(RevisionView Revision, IReadOnlyList<CellChange> Changes, bool IsCurrent);

    public DateOnly Day { get; private set; }

    public AreaCatalog? Catalog { get; private set; }

    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The date is a real date but nothing was entered for it: the page says so and links to entering counts.</summary>
    public bool NoCounts { get; private set; }

    /// <summary>
    /// Where this area's count is entered when it has no table of its own (no child areas), or null: such an area has
    /// no revisions, annex or entry of its own, so the page says where its count is instead (trial 30, decision 083).
    /// </summary>
    public string? NoTable { get; private set; }

    /// <summary>
    /// Whether this user may restore an earlier revision: not a Staff member on a signed-off date (the write refuses it
    /// too), to whom the page says why instead of offering a form that would be refused (round 9's trial).
    /// </summary>
    public bool MayRestore { get; private set; }

    /// <summary>Why this user may not restore (the sentence of the write's own refusal), shown instead of the forms.</summary>
    public string WhyNoRestore => texts.Problem(new ImportProblem(ImportProblemKind.SignedOffDate, Value: VietnameseFormat.IsoDate(Day)));

    /// <summary>Why the date in the path names no day of the calendar (the page answers 400).</summary>
    public string? DateProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string date, CancellationToken ct)
    {
        if (await LoadAsync(date, ct))
        {
            return Page();
        }

        if (!VietnameseFormat.TryParseIsoDate(date, out _))
        {
            // A date-shaped path naming no day (2020-13-01) gets the specific sentence; other text is no page at all.
            if (DateTexts.NoSuchDay(localizer, date) is not { } noSuchDay)
            {
                return NotFound();
            }

            DateProblem = noSuchDay;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        NoCounts = true;

        // An area without a table of its own has no revisions on any date: the page says where its count is (200).
        Response.StatusCode = NoTable is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string date, int number, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(date, ct))
        {
            return NotFound();
        }

        var result = await intake.RestoreAsync(Day, number, reason, ActingUser.Of(HttpContext), ct);
        if (result.Saved)
        {
            return RedirectToPage("History", new { date, saved = result.Number });
        }

        if (result.Forbidden is { } forbidden)
        {
            // Who may write is no error in the form: a 403 with its one sentence, as every permission refusal.
            HttpContext.Items[Scope.AreaRouting.RefusalMessageKey] = texts.Problem(forbidden);
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Problems = texts.Problems(result.Problems);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public string SourceText(RevisionView revision) => texts.Source(revision.Source);

    private async Task<bool> LoadAsync(string date, CancellationToken ct)
    {
        if (!VietnameseFormat.TryParseIsoDate(date, out var day))
        {
            return false;
        }

        Day = day;
        Catalog = await intake.CatalogAsync(ct);
        NoTable = Catalog.Children.Count == 0 ? texts.NoTableHere(Catalog.Area.Name) : null;
        var revisions = await RevisionHistory.OfDateAsync(db, Catalog.Area.Code, day, ct);
        MayRestore = await intake.MayReviseAsync(Catalog.Area.Code, day, ActingUser.Of(HttpContext), ct);
        Entries = [.. revisions.Select((r, i) => new Entry(
            r,
            i == 0 ? [] : IntakePreview.Diff(Catalog.Children, revisions[i - 1].Counts, r.Counts),
            i == revisions.Count - 1)).Reverse()];
        return Entries.Count > 0;
    }
}
