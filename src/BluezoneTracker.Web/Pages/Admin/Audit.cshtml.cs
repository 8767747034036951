using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Infrastructure;
using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages.Admin;

/// <summary>The audit log, newest first, filtered by kind, user, subject and dates (Vietnam time).</summary>
public sealed class AuditModel(AppDbContext db, DateInput dates, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 500;

    /// <summary>Changed values listed per row; the rest are in the JSON.</summary>
    public const int ChangesShown = 15;

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

        // Stored text never holds a NUL (StoredText cleans it), so a filter with one matches nothing; PostgreSQL
        // refuses a NUL in a text parameter, so such a filter is not sent at all.
        if (new[] { Kind, UserName, Subject }.Any(f => f?.Contains('\0', StringComparison.Ordinal) == true))
        {
            Entries = [];
            return Page();
        }

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

            // In UTC: PostgreSQL's timestamptz takes UTC instants only (the same instant as Vietnam's midnight).
            var bound = VietnamTime.StartOf(day).AddDays(isEnd ? 1 : 0).ToUniversalTime();
            query = isEnd ? query.Where(e => e.At < bound) : query.Where(e => e.At >= bound);
        }

        // Id follows insertion order, which is time order, and orders the same way on every provider.
        Entries = await query.OrderByDescending(e => e.Id).Take(PageSize).ToListAsync(cancellationToken);
        _areaNames = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, StringComparer.Ordinal, cancellationToken);
        return Page();
    }

    private Dictionary<string, string> _areaNames = new(StringComparer.Ordinal);

    /// <summary>What an entry changed, in words: "Huyện Mộc Châu: 11.346 → 11.400".</summary>
    public IReadOnlyList<Pages.Admin.AuditChange> Changes(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Pages.Admin.AuditChanges.Describe(entry.Before, entry.After, code => _areaNames.GetValueOrDefault(code), label => localizer[label]);
    }

    /// <summary>The subject as a person names it: an area's name beside its code ("Huyện Mộc Châu (123)"), else as stored.</summary>
    public string SubjectText(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var parts = entry.Subject.Split(' ', 2);
        return _areaNames.TryGetValue(parts[0], out var name) ? $"{name} ({parts[0]}){(parts.Length > 1 ? " " + parts[1] : string.Empty)}" : entry.Subject;
    }

    /// <summary>When, in Vietnam time: "09:30 ngày 18/8/2020" in Vietnamese, the reader's own format in English.</summary>
    public static string When(DateTimeOffset at) => UiFormat.Moment(at);
}
