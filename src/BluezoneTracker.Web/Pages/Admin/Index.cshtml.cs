using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BluezoneTracker.Web.Pages.Admin;

/// <summary>The administration menu.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
