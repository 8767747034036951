using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Snapshots;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BluezoneTracker.Web.Pages.Snapshots;

/// <summary>
/// The dates that have counts, newest first: each with its total, current revision, how many children reported
/// and its sign-off status; the days without counts between the first and the last date shown as gaps.
/// </summary>
/// <remarks>
/// Dates whose count is read from the parent's table (the area has no snapshot of its own that day, decision 050) are
/// listed as the dashboard shows them, read-only, with the parent's revision and sign-off status. An area without
/// child areas offers no intake: one sentence says where its count is entered (decision 083).
/// </remarks>
public sealed class IndexModel(SnapshotIntake intake, SnapshotDays days, ImportMessages texts) : PageModel
{
    public AreaCatalog? Catalog { get; private set; }

    public IReadOnlyList<SnapshotDayLine> Lines { get; private set; } = [];

    /// <summary>Where this area's count is entered when it has no table of its own (no child areas), or null.</summary>
    public string? NoTable { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Catalog = await intake.CatalogAsync(ct);
        Lines = await days.ListAsync(Catalog, ct);
        NoTable = Catalog.Children.Count == 0 ? texts.NoTableHere(Catalog.Area.Name) : null;
    }
}
