using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Snapshots;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BluezoneTracker.Web.Pages.Snapshots;

/// <summary>
/// The dates that have counts, newest first: each with its total, current revision, how many children reported
/// and its sign-off status; the days without counts between the first and the last date shown as gaps.
/// </summary>
public sealed class IndexModel(SnapshotIntake intake, SnapshotDays days) : PageModel
{
    public AreaCatalog? Catalog { get; private set; }

    public IReadOnlyList<SnapshotDayLine> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Catalog = await intake.CatalogAsync(ct);
        Lines = await days.ListAsync(Catalog, ct);
    }
}
