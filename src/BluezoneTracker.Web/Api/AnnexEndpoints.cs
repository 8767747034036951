using System.Text;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Reports;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Api;

/// <summary>The annex as files: JSON with exact fractions, CSV, and the official Excel and PDF.</summary>
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

        endpoints.MapGet("/annex.csv", async (string? date, string? compare, string? area, HttpContext context, FiguresQuery query, Messages messages, IOptions<ReportSettings> settings, CancellationToken ct) =>
        {
            var (document, problem) = await LoadAsync(new FiguresRequest(area, date, compare), query, messages, settings.Value, ct);
            if (document is null)
            {
                return problem!;
            }

            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AnnexCsv.Write(document))).ToArray();
            return AnnexDownload.File(context, document, bytes, "text/csv; charset=utf-8", "csv");
        }).WithName("AnnexCsv");

        endpoints.MapGet("/annex.xlsx", async (string? date, string? compare, string? area, HttpContext context, FiguresQuery query, Messages messages, IOptions<ReportSettings> settings, CancellationToken ct) =>
        {
            var (document, problem) = await LoadAsync(new FiguresRequest(area, date, compare), query, messages, settings.Value, ct);
            return document is null
                ? problem!
                : AnnexDownload.File(context, document, AnnexExcel.Write(document, settings.Value), AnnexExcel.ContentType, "xlsx");
        }).WithName("AnnexXlsx");

        endpoints.MapGet("/annex.pdf", async (string? date, string? compare, string? area, bool? summary, HttpContext context, FiguresQuery query, Messages messages, IOptions<ReportSettings> settings, TimeProvider clock, CancellationToken ct) =>
        {
            var (document, problem) = await LoadAsync(new FiguresRequest(area, date, compare), query, messages, settings.Value, ct);
            if (document is null)
            {
                return problem!;
            }

            var options = new AnnexPdfOptions(AnnexDownload.VietnamTime(clock), summary ?? false);
            return AnnexDownload.File(context, document, AnnexPdf.Write(document, settings.Value, options), AnnexPdf.ContentType, "pdf");
        }).WithName("AnnexPdf");

        return endpoints;
    }

    /// <summary>The annex document of a request, or the problem response that explains why there is none.</summary>
    private static async Task<(AnnexDocument? Document, IResult? Problem)> LoadAsync(
        FiguresRequest request, FiguresQuery query, Messages messages, ReportSettings settings, CancellationToken ct)
    {
        var result = await query.GetAsync(request, ct);
        return result.Figures is { } figures
            ? (AnnexDocument.From(figures.Annex, settings), null)
            : (null, Problem(result, messages));
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
