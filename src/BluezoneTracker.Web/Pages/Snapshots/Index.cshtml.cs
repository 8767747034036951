using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Import;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BluezoneTracker.Web.Pages.Snapshots;

/// <summary>The dates that have counts, newest first, each with its current revision number.</summary>
public sealed class IndexModel(SnapshotIntake intake) : PageModel
{
    public IReadOnlyList<CurrentRevision> Dates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Dates = [.. (await intake.CatalogAsync(ct)).Revisions.OrderByDescending(r => r.Date)];
}
