using System.Text;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Scope;
using BluezoneTracker.Web.Settings;
using BluezoneTracker.Web.SignOffs;

namespace BluezoneTracker.Web.Reports;

/// <summary>
/// The annex as files: JSON with exact fractions, CSV, and the official Excel and PDF. Readers
/// (or, with <c>Access:PublicDashboard</c>, anyone for a signed-off date) may download them.
/// </summary>
internal static class AnnexEndpoints
{
    public static IEndpointRouteBuilder MapAnnexEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/annex", async (string? date, string? compare, string? draft, AnnexSource source, CancellationToken ct) =>
        {
            var annex = await source.LoadAsync(new FiguresRequest(null, date, compare), IsDraft(draft), ct);
            return annex.Document is { } document ? Results.Json(AnnexJson.From(document, source.Messages, annex)) : source.Refusal(annex);
        }).WithName("AnnexJson").RequireAuthorization(Policies.Reader);

        endpoints.MapGet("/annex.csv", async (string? date, string? compare, string? draft, HttpContext context, AnnexSource source, CancellationToken ct) =>
        {
            var annex = await source.LoadAsync(new FiguresRequest(null, date, compare), IsDraft(draft), ct);
            if (annex.Document is not { } document)
            {
                return source.Refusal(annex);
            }

            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AnnexCsv.Write(document, annex.Notes))).ToArray();
            return AnnexDownload.File(context, document, bytes, "text/csv; charset=utf-8", "csv");
        }).WithName("AnnexCsv").RequireAuthorization(Policies.Reader);

        endpoints.MapGet("/annex.xlsx", async (string? date, string? compare, string? draft, HttpContext context, AnnexSource source, CancellationToken ct) =>
        {
            var annex = await source.LoadAsync(new FiguresRequest(null, date, compare), IsDraft(draft), ct);
            return annex.Document is not { } document
                ? source.Refusal(annex)
                : AnnexDownload.File(context, document, AnnexExcel.Write(document, annex.Settings, annex.SignOff, annex.Notes), AnnexExcel.ContentType, "xlsx");
        }).WithName("AnnexXlsx").RequireAuthorization(Policies.Reader);

        endpoints.MapGet("/annex.pdf", async (string? date, string? compare, string? summary, string? draft, HttpContext context, AnnexSource source, TimeProvider clock, CancellationToken ct) =>
        {
            if (!TryParseFlag(summary, out var withSummary))
            {
                return ProblemJson(
                    source.Messages.InvalidFlag("summary", summary!),
                    StatusCodes.Status400BadRequest,
                    source.Messages.ProblemTitle(FiguresProblem.MalformedDate),
                    "InvalidFlag");
            }

            var annex = await source.LoadAsync(new FiguresRequest(null, date, compare), IsDraft(draft), ct);
            if (annex.Document is not { } document)
            {
                return source.Refusal(annex);
            }

            var options = new AnnexPdfOptions(VietnamTime.Now(clock).DateTime, withSummary, annex.SignOff, annex.Notes);
            return AnnexDownload.File(context, document, AnnexPdf.Write(document, annex.Settings, options), AnnexPdf.ContentType, "pdf");
        }).WithName("AnnexPdf").RequireAuthorization(Policies.Reader);

        return endpoints;
    }

    /// <summary>The <c>draft</c> query flag: the current data's annex even when the date has a signed one (anything unreadable is no).</summary>
    internal static bool IsDraft(string? text) => TryParseFlag(text, out var value) && value;

    /// <summary>A yes/no query value as forms and links send it: absent, true/false, on, 1/0.</summary>
    internal static bool TryParseFlag(string? text, out bool value)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "" or "FALSE" or "0" or "OFF":
                value = false;
                return true;
            case "TRUE" or "1" or "ON":
                value = true;
                return true;
            default:
                value = false;
                return false;
        }
    }

    internal static IResult Problem(FiguresResult result, Messages messages)
    {
        var problem = result.Problem ?? FiguresProblem.NoData;
        var status = problem is FiguresProblem.UnknownArea or FiguresProblem.NoChildAreas ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        return ProblemJson(messages.Problem(problem, result.Value), status, messages.ProblemTitle(problem), problem.ToString());
    }

    /// <summary>problem+json whose "problem" member names the problem for programs.</summary>
    private static IResult ProblemJson(string detail, int status, string title, string problem) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["problem"] = problem });
}

/// <summary>
/// An annex to render with its settings and sign-off status; without a document, either the reader
/// must sign in (<see cref="Allowed"/> false) or <see cref="Result"/> says why there are no figures.
/// <see cref="Notes"/> are the population note and the warnings in Vietnamese, as printed under the table.
/// </summary>
public sealed record AnnexLoad(bool Allowed, FiguresResult? Result, AnnexDocument? Document, ReportSettings Settings, SignOffStatus? SignOff, AnnexNotes? Notes = null)
{
    /// <summary>The cells in which the current data differs from the signed annex ("Số liệu đã thay đổi sau khi duyệt").</summary>
    public IReadOnlyList<AnnexDifferences.Cell> ChangesSinceSignOff { get; init; } = [];
}

/// <summary>
/// Loads the annex the annex page or a download asks for: access for anonymous readers, figures, settings and
/// sign-off. A signed date renders its annex as signed (every cell, settings and dispatch as they were),
/// unless the draft of the current data is asked for or another comparison date than the signed one.
/// </summary>
public sealed class AnnexSource(FiguresQuery query, ReportSettingsStore settings, SignOffs.SignOffs signOffs, PublicAccess access, Messages messages, Scope.AreaScope scope)
{
    public Messages Messages => messages;

    /// <summary>The response of a download without a document: a challenge, or problem+json.</summary>
    public IResult Refusal(AnnexLoad annex)
    {
        ArgumentNullException.ThrowIfNull(annex);
        return annex.Allowed ? AnnexEndpoints.Problem(annex.Result!, messages) : Results.Challenge();
    }

    public Task<AnnexLoad> LoadAsync(FiguresRequest request, CancellationToken ct) => LoadAsync(request, draft: false, ct);

    /// <param name="draft">The annex of the current data (BẢN NHÁP) even when the date has a signed annex.</param>
    public async Task<AnnexLoad> LoadAsync(FiguresRequest request, bool draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The area is the request's scope (route or ?area=), resolved once before any handler ran.
        request = request with { Area = await scope.CodeAsync(ct) };
        var current = await settings.GetAsync(ct);
        var (allowed, date) = await access.ResolveAsync(request.Date, ct);
        if (!allowed)
        {
            return new AnnexLoad(false, null, null, current, null);
        }

        var result = await query.GetAsync(await WithSignedComparisonAsync(request with { Date = date }, ct), ct);
        if (result.Figures is not { } figures)
        {
            return new AnnexLoad(true, result, null, current, null);
        }

        var catalog = result.Catalog!;
        AnnexNotes CurrentNotes() => Notes(figures.Annex, catalog.ChildrenOn(figures.Annex.Date).Prepend(catalog.AreaOn(figures.Annex.Date))
            .Where(a => a.Population is not null).Select(a => (a.Code, a.Population!.Year, a.Population.Source)));
        var document = AnnexDocument.From(figures.Annex, current);
        var signed = await signOffs.LatestSignedAsync(catalog, figures.Annex.Date, ct);
        var revision = catalog.Revisions.First(r => r.Date == figures.Annex.Date).Number;
        if (signed is null)
        {
            // Never signed, or signed before signed annexes were kept: the status of the current revision.
            return new AnnexLoad(true, result, document, current, await signOffs.StatusAsync(catalog, figures.Annex.Date, ct), CurrentNotes());
        }

        var signOff = new SignOff(signed.SignedBy, signed.SignedAt, signed.RevisionNumber);
        var sameComparison = string.IsNullOrWhiteSpace(request.Compare) || signed.Report.CompareDate == figures.Annex.CompareDate;
        if (draft || !sameComparison)
        {
            var status = new SignOffStatus(figures.Annex.Date, revision, null, signOff);
            if (revision == signed.RevisionNumber && !sameComparison)
            {
                // Asked with another comparison than the signed one: that is the reason it is a draft, said as such
                // (not "the data changed"); whether the data changed too is the signed comparison's annex against the signed one.
                var changed = await ChangedAsync(request, signed, current, ct);
                status = status with { Comparison = new OtherComparison(signed.Report.CompareDate, figures.Annex.CompareDate, changed is null ? null : changed.Count > 0), Changed = changed };
            }
            else if (revision == signed.RevisionNumber)
            {
                // The new draft asked for (or the sign-off page's) with the signed comparison: whether it differs from the
                // signed annex is checked, not assumed, and so is what differs.
                status = status with
                {
                    SameAsSigned = ChangesSince(signed, figures.Annex, current).Count == 0,
                    Changed = PartsChanged(signed, figures.Annex, current, catalog),
                };
            }

            return new AnnexLoad(true, result, document, current, status, CurrentNotes());
        }

        // The dispatch's number, date and signer were given at sign-off: they belong to the signature, not to the
        // data, so the current data is compared under the same dispatch (a setting such as the agency still counts).
        var asSigned = signed.Document();
        var changes = ChangesSince(signed, figures.Annex, current);
        // The notes under a signed table are made from what was signed: its warnings and the populations it used.
        var signedNotes = Notes(signed.Report, signed.Populations.Select(p => (p.Code, p.Year, p.Source)));
        return new AnnexLoad(true, result, asSigned, signed.Settings, new SignOffStatus(figures.Annex.Date, signed.RevisionNumber, signOff, null), signedNotes)
        {
            ChangesSinceSignOff = changes,
        };
    }

    /// <summary>
    /// What in the current data, asked with the signed comparison, differs from the signed annex: empty when nothing
    /// (null: the signed annex has no comparison to ask with).
    /// </summary>
    private async Task<IReadOnlyList<AnnexPart>?> ChangedAsync(FiguresRequest request, SignedAnnex signed, ReportSettings current, CancellationToken ct)
    {
        if (signed.Report.CompareDate is not { } signedCompare)
        {
            return null;
        }

        var asSigned = await query.GetAsync(request with { Date = VietnameseFormat.IsoDate(signed.Report.Date), Compare = VietnameseFormat.IsoDate(signedCompare) }, ct);
        if (asSigned.Figures is not { } figures)
        {
            return [AnnexPart.Counts];
        }

        return ChangesSince(signed, figures.Annex, current).Count == 0 ? [] : PartsChanged(signed, figures.Annex, current, asSigned.Catalog!);
    }

    /// <summary>The parts (counts, populations, target, agency, settings) in which the current data's annex differs from the signed one.</summary>
    private static IReadOnlyList<AnnexPart> PartsChanged(SignedAnnex signed, Core.Figures.AnnexReport current, ReportSettings settings, AreaCatalog catalog) =>
        AnnexParts.Changed(AnnexParts.Fingerprint(signed.Report, signed.Settings, signed.Target, signed.Populations), FingerprintOf(current, settings, catalog));

    /// <summary>
    /// The fingerprint (<see cref="AnnexParts.Fingerprint"/>) of an annex of the current data: its figures and settings,
    /// with the target and populations the catalog gives on its date — the ones a sign-off of it would store.
    /// </summary>
    public static string FingerprintOf(Core.Figures.AnnexReport report, ReportSettings settings, AreaCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(catalog);
        return AnnexParts.Fingerprint(report, settings, catalog.TargetOn(report.Date), SignedAnnex.PopulationsOf(report, catalog.ChildrenOn(report.Date)));
    }

    /// <summary>
    /// The request with the comparison a signed report date was signed with as its default (decision 068): without
    /// an explicit comparison, a signed date compares with what it was signed with, not with a date added since.
    /// The signed annex is read once per data version (the annex's own load reads the same entry).
    /// </summary>
    public async Task<FiguresRequest> WithSignedComparisonAsync(FiguresRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrWhiteSpace(request.Compare) || await scope.CatalogAsync(ct) is not { Dates.Count: > 0 } catalog
            || !string.Equals(catalog.Area.Code, request.Area ?? catalog.Area.Code, StringComparison.Ordinal))
        {
            return request;
        }

        var report = string.IsNullOrWhiteSpace(request.Date) ? catalog.Dates[^1]
            : VietnameseFormat.TryParseIsoDate(request.Date.Trim(), out var parsed) ? parsed : (DateOnly?)null;
        if (report is not { } day || !catalog.Dates.Contains(day) || await signOffs.LatestSignedAsync(catalog, day, ct) is not { } signed)
        {
            return request;
        }

        return request with { DefaultCompare = new SignedComparison(day, signed.Report.CompareDate) };
    }

    /// <summary>
    /// The cells in which the annex of the current data differs from the signed one: "changed since signed" when
    /// not empty. The dispatch's number, date and signer were given at sign-off: they belong to the signature, not
    /// to the data, so the current data is compared under the same dispatch (a setting such as the agency still counts).
    /// The one rule for the annex page, its downloads and the list of dates.
    /// </summary>
    public static IReadOnlyList<AnnexDifferences.Cell> ChangesSince(SignedAnnex asSigned, Core.Figures.AnnexReport current, ReportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(asSigned);
        return [.. AnnexDifferences.Between(asSigned.Document(), AnnexDocument.From(current, settings, asSigned.Dispatch)),
            .. AnnexDifferences.BetweenSettings(asSigned.Settings, settings)];
    }

    /// <summary>Which population figures the rates use (so that a later change of populations is never silent), and the warnings, in Vietnamese.</summary>
    private AnnexNotes Notes(Core.Figures.AnnexReport report, IEnumerable<(string Code, int Year, string Source)> populations)
    {
        var used = populations.ToList();
        var sources = used
            .Select(p => string.IsNullOrWhiteSpace(p.Source) ? $"năm {p.Year}" : $"năm {p.Year}, nguồn: {p.Source}")
            .Distinct(StringComparer.Ordinal);
        return new AnnexNotes(
            $"Dân số dùng để tính tỷ lệ: {string.Join("; ", sources)}.",
            Messages.InVietnamese<IReadOnlyList<string>>(() => [.. report.Warnings.Select(messages.Warning)]))
        {
            SyntheticNotice = used.Any(p => p.Source == Core.Seed.NationalSample.SyntheticSource) ? AnnexNotes.SyntheticText : null,
            SyntheticCodes = used.Where(p => p.Source == Core.Seed.NationalSample.SyntheticSource).Select(p => p.Code).ToHashSet(StringComparer.Ordinal),
        };
    }
}
