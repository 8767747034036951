using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Pages.Admin;

/// <summary>The audit log, newest first, filtered by kind, user, subject and dates (Vietnam time).</summary>
public sealed class AuditModel(AppDbContext db, DateInput dates) : PageModel
{
    public const int PageSize = 500;

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public string? Problem { get; private set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            query = query.Where(e => e.Kind == Kind);
        }

        if (!string.IsNullOrWhiteSpace(UserName))
        {
            query = query.Where(e => e.UserName == UserName.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Subject))
        {
            query = query.Where(e => e.Subject.Contains(Subject.Trim()));
        }

        foreach (var (text, isEnd) in new[] { (From, false), (To, true) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var (parsed, problem) = dates.Parse(text);
            if (parsed is not { } day)
            {
                Problem = dates.Message(problem!.Value, text);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            var bound = VietnamTime.StartOf(day).AddDays(isEnd ? 1 : 0);
            query = isEnd ? query.Where(e => e.At < bound) : query.Where(e => e.At >= bound);
        }

        // SQLite cannot order DateTimeOffset; Id follows insertion order, which is time order.
        Entries = await query.OrderByDescending(e => e.Id).Take(PageSize).ToListAsync(cancellationToken);
        return Page();
    }
}
