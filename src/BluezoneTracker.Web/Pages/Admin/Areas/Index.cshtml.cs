using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Pages.Admin.Areas;

/// <summary>Every area with its population and smartphone owners.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<AreaEntity> Areas { get; private set; } = [];

    /// <summary>The area just added (after <c>/admin/areas/new</c>), to confirm it.</summary>
    public AreaEntity? Added { get; private set; }

    public async Task OnGetAsync(string? added, CancellationToken cancellationToken)
    {
        Areas = await db.Areas.AsNoTracking().OrderBy(a => a.ParentId != null).ThenBy(a => a.Code).ToListAsync(cancellationToken);
        Added = added is null ? null : Areas.FirstOrDefault(a => a.Code == added);
    }
}
