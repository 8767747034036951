using System.Text;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Reports;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Api;

/// <summary>The annex for machines: JSON with exact fractions, and CSV for spreadsheets.</summary>
internal static class AnnexEndpoints
{
    public static IEndpointRouteBuilder MapAnnexEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/annex", async (string? date, string? compare, string? area, FiguresQuery query, Messages messages, IOptions<ReportSettings> settings, CancellationToken ct) =>
        {
            var result = await query.GetAsync(new FiguresRequest(area, date, compare), ct);
            return result.Figures is { } figures
                ? Results.Json(AnnexJson.From(AnnexDocument.From(figures.Annex, settings.Value), messages))
                : Problem(result, messages);
        }).WithName("AnnexJson");

        endpoints.MapGet("/annex.csv", async (string? date, string? compare, string? area, FiguresQuery query, Messages messages, IOptions<ReportSettings> settings, CancellationToken ct) =>
        {
            var result = await query.GetAsync(new FiguresRequest(area, date, compare), ct);
            if (result.Figures is not { } figures)
            {
                return Problem(result, messages);
            }

            var document = AnnexDocument.From(figures.Annex, settings.Value);
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AnnexCsv.Write(document))).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", DownloadName.For(document, "csv"));
        }).WithName("AnnexCsv");

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
