using System.Text;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Reports;
using BluezoneTracker.Web.Settings;

namespace BluezoneTracker.Web.Api;

/// <summary>The annex for machines: JSON with exact fractions, and CSV for spreadsheets.</summary>
internal static class AnnexEndpoints
{
    public static IEndpointRouteBuilder MapAnnexEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/annex", async (string? date, string? compare, string? area, FiguresQuery query, Messages messages, ReportSettingsStore settings, PublicAccess access, CancellationToken ct) =>
        {
            var (allowed, day) = await access.ResolveAsync(date, ct);
            if (!allowed)
            {
                return Results.Challenge();
            }

            var result = await query.GetAsync(new FiguresRequest(area, day, compare), ct);
            return result.Figures is { } figures
                ? Results.Json(AnnexJson.From(AnnexDocument.From(figures.Annex, await settings.GetAsync(ct)), messages))
                : Problem(result, messages);
        }).WithName("AnnexJson").RequireAuthorization(Policies.Reader);

        endpoints.MapGet("/annex.csv", async (string? date, string? compare, string? area, FiguresQuery query, Messages messages, ReportSettingsStore settings, PublicAccess access, CancellationToken ct) =>
        {
            var (allowed, day) = await access.ResolveAsync(date, ct);
            if (!allowed)
            {
                return Results.Challenge();
            }

            var result = await query.GetAsync(new FiguresRequest(area, day, compare), ct);
            if (result.Figures is not { } figures)
            {
                return Problem(result, messages);
            }

            var document = AnnexDocument.From(figures.Annex, await settings.GetAsync(ct));
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AnnexCsv.Write(document))).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", DownloadName.For(document, "csv"));
        }).WithName("AnnexCsv").RequireAuthorization(Policies.Reader);

        return endpoints;
    }

    internal static IResult Problem(FiguresResult result, Messages messages)
    {
        var problem = result.Problem ?? FiguresProblem.NoData;
        var status = problem is FiguresProblem.UnknownArea ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        return Results.Problem(
            detail: messages.Problem(problem, result.Value),
            statusCode: status,
            title: messages.ProblemTitle(problem),
            extensions: new Dictionary<string, object?> { ["problem"] = problem.ToString() });
    }
}
