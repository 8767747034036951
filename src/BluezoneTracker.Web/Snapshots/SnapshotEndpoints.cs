using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Infrastructure;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Reports;
using BluezoneTracker.Web.Scope;
using BluezoneTracker.Web.Settings;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>Counts in by machine (<c>POST /api/snapshots/{date}</c>), kept files and templates out.</summary>
internal static class SnapshotEndpoints
{
    public static IEndpointRouteBuilder MapSnapshotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Staff and above, signed in or with a personal API token (Authorization: Bearer …).
        endpoints.MapPost("/api/snapshots/{date}", PostAsync).WithName("PostSnapshot").RequireAuthorization(Policies.Staff);

        endpoints.MapGet("/snapshots/{date}/revisions/{number:int}/file", async (string date, int number, AppDbContext db, AreaScope scope, CancellationToken ct) =>
        {
            var catalog = await scope.CatalogAsync(ct);
            if (catalog is null || !VietnameseFormat.TryParseIsoDate(date, out var day))
            {
                return Results.NotFound();
            }

            var file = await db.SnapshotRevisions.AsNoTracking()
                .Where(r => r.Area!.Code == catalog.Area.Code && r.Date == day && r.Number == number && r.UploadedFile != null)
                .Select(r => new { r.UploadedFile!.Content, r.UploadedFile.ContentType, r.UploadedFile.FileName })
                .SingleOrDefaultAsync(ct);
            return file is null ? Results.NotFound() : Results.File(file.Content, file.ContentType, file.FileName);
        }).WithName("RevisionFile").RequireAuthorization(Policies.Staff);

        endpoints.MapGet("/snapshots/template.csv", async (AreaScope scope, CancellationToken ct) =>
            Results.File(CountsTemplate.Csv(await scope.CatalogAsync(ct)), "text/csv; charset=utf-8", "mau-so-lieu-bluezone.csv")).RequireAuthorization(Policies.Staff);
        endpoints.MapGet("/snapshots/template.xlsx", async (AreaScope scope, CancellationToken ct) =>
            Results.File(CountsTemplate.Xlsx(await scope.CatalogAsync(ct)), UploadedTable.XlsxContentType, "mau-so-lieu-bluezone.xlsx")).RequireAuthorization(Policies.Staff);
        return endpoints;
    }

    private static async Task<IResult> PostAsync(
        string date, string? reason, string? mode, string? sheet, string? column, string? confirmDate, HttpContext context, SnapshotIntake intake, ImportMessages texts, Messages messages,
        FiguresQuery query, AreaScope scope, ReportSettingsStore settings, CancellationToken ct)
    {
        // A path that names no date is a malformed request (400), not counts that break a rule (422).
        if (Core.Import.AsOfDate.Parse(date, intake.Today).Problem is { Kind: ImportProblemKind.MalformedDate } malformed)
        {
            return Problems(StatusCodes.Status400BadRequest, [malformed], texts);
        }

        var limit = intake.Options.MaxFileBytes;
        var (file, fileLength, fields) = await ReadBodyAsync(context.Request, limit, ct);
        if (file is null)
        {
            // The file's size, not the request's (round 9's trial); null when it cannot be told.
            var tooLarge = UploadedTable.TooLarge(fileLength, intake.Options);
            return Problems(StatusCodes.Status413PayloadTooLarge, [tooLarge], texts);
        }

        reason ??= fields.GetValueOrDefault("reason");
        mode ??= fields.GetValueOrDefault("mode");
        sheet ??= fields.GetValueOrDefault("sheet");
        column ??= fields.GetValueOrDefault("column");
        confirmDate ??= fields.GetValueOrDefault("confirmDate");
        var choice = new TableChoice(string.IsNullOrWhiteSpace(sheet) ? null : sheet, string.IsNullOrWhiteSpace(column) ? null : column);
        var draft = (await intake.FromFileAsync(date, file, mode, choice, ct)).RefusingDuplicate();
        if (draft.HasErrors)
        {
            return Problems(StatusCodes.Status422UnprocessableEntity, draft.Problems, texts, draft.Reading);
        }

        // A file of another day would be stored under this date by a job nobody watches: refused unless the caller confirms it.
        var otherDay = draft.Preview!.Warnings.Where(w => w.Kind == Core.Figures.DataWarningKind.FileDateDiffers).ToList();
        if (otherDay.Count > 0 && !Confirmed(confirmDate))
        {
            var list = otherDay.Select(w => new Dictionary<string, object?>
            {
                ["kind"] = w.Kind.ToString(),
                ["line"] = w.Value,
                ["message"] = messages.Warning(w) + " " + texts.ConfirmDateHint(w.Date!.Value),
            }).ToList();
            return Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity, title: texts.Title, detail: string.Join(" ", list.Select(p => p["message"])),
                extensions: new Dictionary<string, object?> { ["problems"] = list, ["sheet"] = draft.Reading?.Sheet, ["countColumn"] = draft.Reading?.CountColumn?.Label });
        }

        // A machine cannot tick a box: the other warnings are returned with the saved revision.
        var result = await intake.SaveAsync(draft, RevisionSource.Api, reason, ActingUser.Of(context), warningsConfirmed: true, ct);
        if (result.Forbidden is { } forbidden)
        {
            // A rule on who writes: 403 titled as every permission refusal, its one sentence as the detail.
            return Problems(StatusCodes.Status403Forbidden, [forbidden], texts, title: texts.ForbiddenTitle);
        }

        if (!result.Saved)
        {
            return Problems(StatusCodes.Status422UnprocessableEntity, result.Problems, texts, draft.Reading);
        }

        var iso = VietnameseFormat.IsoDate(result.Date!.Value);
        var figures = await query.GetAsync(new FiguresRequest(scope.Code, iso), ct);
        return Results.Created($"/snapshots/{iso}", new
        {
            date = iso,
            revision = result.Number,
            source = RevisionSource.Api.ToString(),
            fileName = file.FileName,
            sha256 = file.Sha256,
            sheet = draft.Reading?.Sheet,
            headerRow = draft.Reading?.HeaderLine,
            countColumn = draft.Reading?.CountColumn?.Label,
            countHeader = draft.Reading?.CountColumn?.Header,
            convertedFrom = draft.Reading?.ConvertedFrom is { } enc ? LegacyVietnamese.Name(enc) : null,
            skipped = ReadingJson.Skipped(draft.Reading, texts),
            warnings = draft.Preview!.Warnings.Select(w => new { kind = w.Kind.ToString(), areaCode = w.AreaCode, message = messages.Warning(w) }),
            annex = figures.Figures is { } f ? AnnexJson.From(AnnexDocument.From(f.Annex, await settings.GetAsync(ct)), messages) : null,
        });
    }

    /// <summary>Whether the caller confirmed a file of another date (<c>confirmDate=true</c>).</summary>
    private static bool Confirmed(string? value) =>
        value is not null && (value.Trim() == "1" || (bool.TryParse(value.Trim(), out var yes) && yes));

    /// <summary>
    /// The file of a raw CSV/XLSX body or of a multipart form (its first file); or, over the limit, no file and the
    /// file's size (null when it cannot be told).
    /// </summary>
    private static async Task<(UploadedFile? File, long? TooLargeLength, Dictionary<string, string> Fields)> ReadBodyAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        // Only multipart is read as a form: curl --data-binary sends a file as "x-www-form-urlencoded".
        var multipart = request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
        if (request.ContentLength > limit + (multipart ? ImportOptions.FormOverheadBytes : 0))
        {
            return (null, await OversizedUpload.FileLengthAsync(request, ct), []);
        }

        if (multipart)
        {
            var form = await request.ReadFormAsync(ct);
            var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            if (form.Files.Count == 0 || form.Files[0] is not { } formFile)
            {
                return (new UploadedFile("form", []), null, fields);
            }

            if (formFile.Length > limit)
            {
                return (null, formFile.Length, fields);
            }

            return (await UploadedFile.FromFormAsync(formFile, ct), null, fields);
        }

        var (bytes, length) = await ReadLimitedAsync(request.Body, limit, ct);
        var name = request.Headers.ContentDisposition.ToString() is { Length: > 0 } cd
            && System.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(cd, out var parsed) && parsed.FileName is { } fn
            ? Path.GetFileName(fn.Trim('"'))
            : "api-upload";
        return (bytes is null ? null : new UploadedFile(name, bytes), length, []);
    }

    /// <summary>The body, or — over the limit — nothing kept and the body's whole length (the rest is counted, not kept).</summary>
    private static async Task<(byte[]? Bytes, long? Length)> ReadLimitedAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                try
                {
                    return (null, await OversizedUpload.CountAsync(body, ct, buffer.Length + read));
                }
                catch (BadHttpRequestException)
                {
                    // Over the server's own limit on a body: the file's size is not known, only that it is over ours.
                    return (null, null);
                }
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    private static IResult Problems(int status, IEnumerable<ImportProblem> problems, ImportMessages texts, TableReading? reading = null, string? title = null)
    {
        var list = problems.Select(p => new Dictionary<string, object?>
        {
            ["kind"] = p.Kind.ToString(),
            ["line"] = p.Line,
            ["cell"] = p.Cell,
            ["value"] = p.Value,
            ["message"] = texts.Problem(p),
        }).ToList();
        return Results.Problem(
            statusCode: status,
            title: title ?? texts.Title,
            detail: string.Join(" ", list.Select(p => p["message"])),
            extensions: reading is null
                ? new Dictionary<string, object?> { ["problems"] = list }
                : new Dictionary<string, object?>
                {
                    ["problems"] = list,

                    // How far the file was read: the sheets and count columns to choose from (sheet=, column=).
                    ["sheet"] = reading.Sheet,
                    ["sheets"] = reading.Sheets,
                    ["headerRow"] = reading.HeaderLine,
                    ["countColumn"] = reading.CountColumn?.Label,
                    ["countColumns"] = reading.CountColumns.Select(c => new { column = c.Label, header = c.Header }),
                    ["skipped"] = ReadingJson.Skipped(reading, texts),
                });
    }
}

/// <summary>The reading facts of an import as JSON, the same in the 201 and the 422 bodies.</summary>
internal static class ReadingJson
{
    public static IEnumerable<object> Skipped(TableReading? reading, ImportMessages texts) =>
        reading?.Skipped.Select(s => new { line = s.Line, reason = s.Reason.ToString(), message = texts.Skipped(s.Reason), text = s.Text }) ?? [];
}
