using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BluezoneTracker.Web.Pages.Account;

/// <summary>
/// The per-user part of the navbar as an HTML fragment (the user's name, sign-out and language forms with
/// their anti-forgery tokens), for the pages kept and shared by every user of a role (ReadResponseCache,
/// docs/decisions/099): <c>site.js</c> puts it in their place. Never cached anywhere (no-store); anyone may
/// ask (an anonymous visitor gets the sign-in link and the language form).
/// </summary>
public sealed class MenuModel : PageModel
{
    /// <summary>The page to come back to after switching the language; only a local URL is kept, else the dashboard.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Renders the fragment, marked never to be stored.</summary>
    public void OnGet()
    {
        ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Content("~/");
        Response.Headers.CacheControl = "no-store";
    }
}
