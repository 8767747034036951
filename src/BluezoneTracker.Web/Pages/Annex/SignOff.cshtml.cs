using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages.Annex;

/// <summary>A Director marks the current revision of a date as official ("Đã duyệt").</summary>
public sealed class SignOffModel(FiguresQuery query, SignOffs.SignOffs signOffs, UserManager<AppUser> users, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public SignOffStatus? Status { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? date, CancellationToken cancellationToken)
    {
        var catalog = await LoadAsync(date, cancellationToken);
        return catalog is null ? BadRequestPage() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? date, CancellationToken cancellationToken)
    {
        var catalog = await LoadAsync(date, cancellationToken);
        if (catalog is null || Status is null)
        {
            return BadRequestPage();
        }

        await signOffs.SignAsync(catalog, Status.Date, (await users.GetUserAsync(User))!, cancellationToken);
        return RedirectToPage("/Annex/Index", new { date = VietnameseFormat.IsoDate(Status.Date) });
    }

    private async Task<AreaCatalog?> LoadAsync(string? date, CancellationToken cancellationToken)
    {
        var catalog = await query.CatalogAsync(null, cancellationToken);
        if (catalog is null || !VietnameseFormat.TryParseIsoDate(date, out var day) || !catalog.Dates.Contains(day))
        {
            Problem = localizer["Không có số liệu cho ngày {0}.", date ?? string.Empty];
            return null;
        }

        Status = await signOffs.StatusAsync(catalog, day, cancellationToken);
        return catalog;
    }

    private PageResult BadRequestPage()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
