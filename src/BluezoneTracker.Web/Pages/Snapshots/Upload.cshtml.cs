using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Infrastructure;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Snapshots;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages.Snapshots;

/// <summary>
/// Upload → preview → confirm. The file waits in memory under a token between the preview and the
/// confirmation; it is checked again on confirmation and saved in one transaction.
/// </summary>
[UploadSizeFilter]
public sealed class UploadModel(SnapshotIntake intake, Web.Snapshots.ReportingStatusQuery reporting, PendingUploads pending, ImportMessages texts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The date the counts are for: posted with the file, or chosen with <c>?date=</c> (the page's date chooser).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool ConfirmWarnings { get; set; }

    /// <summary>For a file that covers only some areas of a date that has counts: replace or update.</summary>
    [BindProperty]
    public string? Mode { get; set; }

    /// <summary>The date's current revision number the preview was made against (blank: none); checked inside the save.</summary>
    [BindProperty]
    public int? Previewed { get; set; }

    /// <summary>The sheet chosen by the user when the file has several that could hold the counts.</summary>
    [BindProperty]
    public string? Sheet { get; set; }

    /// <summary>The count column chosen by the user (its letter or number) when several could hold the counts.</summary>
    [BindProperty]
    public string? Column { get; set; }

    /// <summary>The file could be read more than one way: the page asks which sheet or column (the file is kept under <see cref="Token"/>).</summary>
    public bool Choosing { get; private set; }

    public IntakeDraft? Draft { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public long MaxFileBytes => intake.Options.MaxFileBytes;

    /// <summary>Why this area has no counts table of its own (it has no child areas; its count is a row of its parent's table), or null.</summary>
    public string? NoTable { get; private set; }

    /// <summary>
    /// Why this user may not send counts for the chosen date (signed off, and a Staff member), shown instead of the
    /// upload form with a chooser for another date; null otherwise. The write checks the same rule again (decision 163).
    /// </summary>
    public string? SignedOff { get; private set; }

    /// <summary>Which children have reported on the latest date with counts (null before any counts).</summary>
    public ReportingStatus? Reporting { get; private set; }

    public async Task OnGetAsync(long? tooLarge, CancellationToken ct)
    {
        var catalog = await intake.CatalogAsync(ct);
        Date = string.IsNullOrWhiteSpace(Date) ? VietnameseFormat.IsoDate(intake.NextDateToEnter(catalog)) : Date;
        SignedOff = await SignedOffAsync(catalog, ct);
        if (catalog.Children.Count == 0)
        {
            NoTable = texts.NoTableHere(catalog.Area.Name);
            return;
        }

        Reporting = SnapshotDates.Latest(catalog.Dates) is { } latest ? await reporting.OnAsync(catalog, latest, ct) : null;
        if (tooLarge is { } length)
        {
            Problems = [texts.Problem(UploadedTable.TooLarge(length > intake.Options.MaxFileBytes ? length : null, intake.Options))];
        }
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        // A second preview of a kept file, with the sheet or column the user chose.
        var kept = Upload is null ? await pending.FindAsync(Token, ActingUser.Of(HttpContext).Name, ct) : null;
        if (Upload is null && kept is null)
        {
            return Refuse(localizer["Hãy chọn một tệp CSV hoặc Excel (.xlsx, .xls)."]);
        }

        if (Upload is not null && Upload.Length > MaxFileBytes)
        {
            return Refuse(texts.Problem(UploadedTable.TooLarge(Upload.Length, intake.Options)));
        }

        if (await SignedOffAsync(await intake.CatalogAsync(ct), ct) is { } signedOff)
        {
            // A date typed into the form of another: no preview of counts this user cannot save, the reason instead.
            SignedOff = signedOff;
            Token = null;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var file = kept?.File ?? await UploadedFile.FromFormAsync(Upload!, ct);
        if (kept is not null && Blank(Date) is { } newDate && newDate != kept.Date)
        {
            // The date was changed on the choice form: the file is kept again under the new date, which the confirmation reads.
            await pending.ForgetAsync(Token!, ct);
            Token = null;
            ModelState.Remove(nameof(Token));
            Date = newDate;
        }
        else
        {
            Date = kept?.Date ?? Date;
        }

        Draft = await intake.FromFileAsync(Date, file, Mode, new TableChoice(Blank(Sheet), Blank(Column)), ct);
        Previewed = Draft.CurrentNumber;
        if (Draft.HasErrors)
        {
            Choosing = Draft.Problems.Any(p => ChoiceProblems.Contains(p.Kind));
            var token = Choosing ? Token ?? await pending.KeepAsync(Date ?? string.Empty, file, ActingUser.Of(HttpContext).Name, ct) : null;
            Refuse([.. texts.ForPage().Problems(Draft.Problems)]);
            Token = token;
            Choosing &= token is not null;
            return Page();
        }

        Token ??= await pending.KeepAsync(Date ?? string.Empty, file, ActingUser.Of(HttpContext).Name, ct);
        if (Token is null)
        {
            Refuse(localizer["Máy chủ đang giữ quá nhiều tệp chờ xác nhận. Hãy thử lại sau ít phút."]);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }

        return Page();
    }

    /// <summary>Whether the choice form offers the sheets: when there are several, or the one there is was refused for its name.</summary>
    public bool OfferSheets => Draft?.Reading is { } reading
        && (reading.Sheets.Count > 1 || (reading.Sheets.Count > 0 && Draft.Problems.Any(p => SheetProblems.Contains(p.Kind))));

    /// <summary>Whether the choice form offers the count columns: when there are several, or the one there is was refused for its header.</summary>
    public bool OfferColumns => Draft?.Reading is { } reading
        && (reading.CountColumns.Count > 1 || (reading.CountColumns.Count > 0 && Draft.Problems.Any(p => ColumnProblems.Contains(p.Kind))));

    /// <summary>Whether the choice form asks replace or update: the file covers part of a date that has counts.</summary>
    public bool OfferMode => Draft?.Problems.Any(p => p.Kind is ImportProblemKind.ModeRequired or ImportProblemKind.UnassignedModeRequired) == true;

    private static readonly HashSet<ImportProblemKind> SheetProblems = [ImportProblemKind.AmbiguousSheet, ImportProblemKind.NoSheetForDate, ImportProblemKind.UnknownSheet];

    private static readonly HashSet<ImportProblemKind> ColumnProblems = [ImportProblemKind.AmbiguousColumn, ImportProblemKind.ColumnForOtherDate, ImportProblemKind.UnknownColumn];

    private static readonly HashSet<ImportProblemKind> ChoiceProblems =
    [
        ImportProblemKind.AmbiguousSheet, ImportProblemKind.NoSheetForDate, ImportProblemKind.UnknownSheet,
        ImportProblemKind.AmbiguousColumn, ImportProblemKind.ColumnForOtherDate, ImportProblemKind.UnknownColumn,
        ImportProblemKind.ModeRequired, ImportProblemKind.UnassignedModeRequired,
    ];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (await pending.FindAsync(Token, ActingUser.Of(HttpContext).Name, ct) is not { } upload)
        {
            return Refuse(localizer["Bản xem trước đã hết hạn hoặc đã được lưu; hãy tải tệp lên lại."]);
        }

        Date = upload.Date;
        // The draft is checked again, but saved against the revision the user saw: if another save came
        // in between, the store refuses it (RevisionMoved) instead of saving over counts nobody looked at.
        Draft = await intake.FromFileAsync(upload.Date, upload.File, Mode, new TableChoice(Blank(Sheet), Blank(Column)), ct) with { CurrentNumber = Previewed };
        var result = await intake.SaveAsync(Draft, RevisionSource.File, Reason, ActingUser.Of(HttpContext), ConfirmWarnings, ct);
        if (result.Saved)
        {
            await pending.ForgetAsync(Token!, ct);
            return RedirectToPage("History", new { date = VietnameseFormat.IsoDate(result.Date!.Value), saved = result.Number });
        }

        if (result.Forbidden is { } forbidden)
        {
            // Signed off after the preview (or the form forced): the write's own check, a 403 as every permission refusal.
            HttpContext.Items[Scope.AreaRouting.RefusalMessageKey] = texts.Problem(forbidden);
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Problems = result.Problems.Count > 0
            ? texts.ForPage().Problems(result.Problems)
            : [localizer["Hãy đánh dấu ô xác nhận đã kiểm tra các cảnh báo."]];
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The sentence of the write's refusal when <see cref="Date"/> has counts, is signed off and this user may not revise it; else null.</summary>
    private async Task<string?> SignedOffAsync(AreaCatalog catalog, CancellationToken ct) =>
        AsOfDate.Parse(Date, intake.Today).Date is { } day && catalog.Dates.Contains(day)
            && !await intake.MayReviseAsync(catalog.Area.Code, day, ActingUser.Of(HttpContext), ct)
            ? texts.Problem(new ImportProblem(ImportProblemKind.SignedOffDate, Value: VietnameseFormat.IsoDate(day)))
            : null;

    private PageResult Refuse(params string[] problems)
    {
        Problems = problems;
        Token = null;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
