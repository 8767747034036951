using BluezoneTracker.Web.Localization;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Scope;

/// <summary>
/// A query parameter that names one thing — the area, the report date, the comparison date, a flag, the audit's
/// bounds — sent twice (<c>?date=2020-08-15&amp;date=2020-08-18</c>) could mean either value: every page and endpoint
/// refuses it with a 400 naming the parameter and its values, once routed (so it answers as the endpoint answers
/// its other problems) and before the area is resolved or anything reads it. Before this, the annex page
/// took the first value while <c>/api/annex</c> and the downloads answered minimal APIs' generic 400 (a fresh user's
/// trial, round 8). Parameters meant to repeat are in <see cref="Repeating"/> instead.
/// </summary>
public static class SingleValuedQuery
{
    /// <summary>
    /// The parameters read as one value by some page or endpoint (query names are case-insensitive). Kept by hand, and
    /// checked: a test enumerates every query parameter the pages and endpoints bind and fails on one that is neither
    /// here nor in <see cref="Repeating"/> (SingleValuedQueryCoverageTests).
    /// </summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(
        [AreaRouting.QueryName, "date", "compare", "draft", "summary", "mode", "reason", "sheet", "column", "confirmDate", "days", "from", "to", "kind", "subject", "user", "p", "add", "culture", "ui-culture",
            "added", "code", "returnUrl", "saved", "tooLarge"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Parameters that may be sent several times: read as a list (the dashboard chart's districts <c>d</c>, the grid's
    /// <c>remove</c>), or whose value is never read (<c>v</c>, the static files' version stamp: only its presence counts).
    /// </summary>
    public static readonly IReadOnlySet<string> Repeating = new HashSet<string>(["d", "remove", "v"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Refuses a request whose query repeats one of <see cref="Names"/> (400, nothing read or written).</summary>
    public static IApplicationBuilder UseSingleValuedQuery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        foreach (var (name, values) in context.Request.Query)
        {
            if (values.Count > 1 && Names.Contains(name))
            {
                var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                var quoted = string.Join(", ", values.Take(3).Select(v => "\"" + UiFormat.Echo(v) + "\""));
                var message = localizer["Tham số {0} được gửi {1} lần ({2}) nên không rõ dùng giá trị nào; hãy gửi {0} một lần.", UiFormat.Echo(name), values.Count, quoted].Value;

                // Answered as the endpoint answers its other problems: problem+json from the API and the downloads
                // (endpoints that are no Razor page), the error page from a page.
                if (context.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is null)
                {
                    await Infrastructure.ApiProblems.WriteAsync(context, StatusCodes.Status400BadRequest, message);
                }
                else
                {
                    await AreaRouting.RefuseAsync(context, StatusCodes.Status400BadRequest, message);
                }

                return;
            }
        }

        await next(context);
    });
}
