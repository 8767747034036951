using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Reports;
using BluezoneTracker.Web.Scope;
using BluezoneTracker.Web.SignOffs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages.Annex;

/// <summary>
/// A Director signs off a date's annex: the page shows exactly what is signed — the annex of the current
/// data, its warnings and the dispatch details (number, date, place, signer; pre-filled from the report
/// settings) — and can download it as a draft PDF with those details first. Signing stores the whole annex.
/// </summary>
public sealed class SignOffModel(AnnexSource source, SignOffs.SignOffs signOffs, UserManager<AppUser> users, Messages messages, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    /// <summary>
    /// The comparison date of the annex the Director looked at (blank: the default one). Carried from the annex page
    /// and posted back, so that the annex signed is the one viewed, with its comparison (round 9's trial, point 1).
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public string? Compare { get; set; }

    [BindProperty]
    public DispatchInput Dispatch { get; set; } = new();

    /// <summary>The revision and fingerprint of the annex shown when the page was opened.</summary>
    [BindProperty]
    public int Revision { get; set; }

    [BindProperty]
    public string? Fingerprint { get; set; }

    public AnnexLoad? Annex { get; private set; }

    public AnnexDocument? Document { get; private set; }

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public string? Problem { get; private set; }

    /// <summary>
    /// Why the annex cannot be signed when a child area has no count on the report or comparison date (the total's
    /// figures are withheld, decision 180); shown instead of the sign-off button. Null when it can be signed.
    /// </summary>
    public string? Incomplete { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Date))
        {
            // Opened without a date (a typed or bookmarked URL): the latest date with counts, as the annex page defaults,
            // so that the form names and posts the date it signs.
            var latest = await source.LoadAsync(new FiguresRequest(null, null), draft: true, ct);
            if (latest.Document is { } newest)
            {
                return RedirectToPage(new { date = VietnameseFormat.IsoDate(newest.Report.Date), compare = Blank(Compare) });
            }
        }

        if (!await LoadAsync(ct))
        {
            return Refuse(StatusCodes.Status400BadRequest, Problem!);
        }

        Dispatch = DispatchInput.From(DispatchDetails.FromSettings(Annex!.Settings, Document!.Report.Date));
        Revision = CurrentRevision();
        Fingerprint = FingerprintNow();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await CheckAsync(ct) is { } refused)
        {
            return refused;
        }

        var annex = new SignedAnnex(Annex!.Result!.Figures!.Annex, Annex.Settings, Dispatch.ToDetails(Document!.Report.Date), Annex.Result.Catalog!.TargetOn(Document.Report.Date),
            SignedAnnex.PopulationsOf(Annex.Result.Figures.Annex, Annex.Result.Catalog.ChildrenOn(Document.Report.Date)), Revision, string.Empty, default);
        var result = await signOffs.SignAsync(Annex.Result.Catalog, annex, (await users.GetUserAsync(User))!, Accounts.Roles.HighestOf(User.IsInRole), ct);
        if (result == SignResult.Incomplete)
        {
            // The store found a child without a count in the current revisions: nothing written.
            return Refuse(StatusCodes.Status409Conflict, Incomplete ?? localizer["Chưa thể duyệt: chưa đủ số liệu của các địa bàn trực thuộc."]);
        }

        if (result == SignResult.RevisionMoved)
        {
            // A revision came between this request's read and its write: the page shown again is the new one.
            if (!await LoadAsync(ct))
            {
                return Refuse(StatusCodes.Status400BadRequest, Problem!);
            }

            return RefuseStale([AnnexPart.Counts], moved: true);
        }

        return RedirectToPage("/Annex/Index", new { date = VietnameseFormat.IsoDate(Document.Report.Date), compare = Blank(Compare) });
    }

    /// <summary>The annex as it would be signed, with the dispatch details typed, as a draft PDF (nothing is stored).</summary>
    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        if (await CheckAsync(ct, signing: false) is { } refused)
        {
            return refused;
        }

        var document = AnnexDocument.From(Document!.Report, Annex!.Settings, Dispatch.ToDetails(Document.Report.Date));
        var status = new SignOffStatus(document.Report.Date, Revision, null, null);
        var pdf = AnnexPdf.Write(document, Annex.Settings, new AnnexPdfOptions(VietnamTime.Now(clock).DateTime, SignOff: status));
        return AnnexDownload.File(HttpContext, document, pdf, AnnexPdf.ContentType, "pdf") is var file ? new ResultAdapter(file) : NotFound();
    }

    /// <summary>
    /// Loads the annex of the current data and checks the posted details against it; a refusal page, or null. An annex
    /// with a child area missing is refused only for <paramref name="signing"/>: its draft PDF is still made (the fresh
    /// trial of trial10 pressed the draft button of an incomplete date and got the sign-off's 409).
    /// </summary>
    private async Task<IActionResult?> CheckAsync(CancellationToken ct, bool signing = true)
    {
        if (!await LoadAsync(ct))
        {
            return Refuse(StatusCodes.Status400BadRequest, Problem!);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Dispatch.ToDetails(Document!.Report.Date).Check(Document.Report.Date) is { } problem)
        {
            var text = problem == DispatchProblem.DateBeforeAsOf
                ? localizer["Ngày công văn ({0}) không được trước ngày số liệu ({1}).", UiFormat.Date(Dispatch.Date ?? default), UiFormat.Date(Document.Report.Date)]
                : localizer["Hãy ghi đủ nơi ban hành và chức danh người ký (số công văn tối đa 20 ký tự, các ô khác tối đa 100)."];
            return Refuse(StatusCodes.Status400BadRequest, text);
        }

        // A dispatch is issued now: dated at most tomorrow (Vietnam time), never years ahead on a signed PDF.
        if (Dispatch.Date is { } dispatchDate && dispatchDate > VietnamTime.Today(clock).AddDays(1))
        {
            return Refuse(StatusCodes.Status400BadRequest, localizer["Ngày công văn ({0}) không được sau ngày mai; công văn mang ngày ban hành thật.", UiFormat.Date(dispatchDate)]);
        }

        if (signing && Incomplete is { } incomplete)
        {
            return Refuse(StatusCodes.Status409Conflict, incomplete);
        }

        // What changed is said from a comparison of each part's fingerprint, not guessed (round 9's trial: a population
        // changed and the refusal said the counts had); a new revision of the date is a change of its counts.
        var moved = Revision != CurrentRevision();
        var changed = AnnexParts.Changed(Fingerprint, FingerprintNow());
        if (moved || changed.Count > 0)
        {
            return RefuseStale(moved ? [AnnexPart.Counts, .. changed.Where(p => p is not AnnexPart.Counts and not AnnexPart.Other)] : changed, moved);
        }

        return null;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Annex = await source.LoadAsync(new FiguresRequest(null, Date, Compare), draft: true, ct);
        if (Annex.Document is not { } document || string.IsNullOrWhiteSpace(Date))
        {
            Problem = Annex.Result is { } r && r.Problem is not null ? messages.ForPage(r).Text
                : string.IsNullOrWhiteSpace(Date) ? localizer["Chưa chọn ngày cần duyệt: hãy mở trang duyệt từ phụ lục của ngày đó."]
                : localizer["Không có số liệu cho ngày {0}.", VietnameseFormat.TryParseIsoDate(Date.Trim(), out var asked) ? UiFormat.Date(asked) : UiFormat.Echo(Date)];
            return false;
        }

        Document = document;
        Warnings = [.. document.Report.Warnings.Select(messages.Warning)];
        Incomplete = IncompleteText(document.Report);
        return true;
    }

    private string? IncompleteText(Core.Figures.AnnexReport report)
    {
        if (new AreaWords(report.Wording(), localizer).SayWithheld(report) is not { } reason || report.Completeness is not { } c)
        {
            return null;
        }

        var missing = c.Missing.Count > 0 ? c.Missing : c.MissingOnCompare;
        return localizer["Chưa thể duyệt phụ lục ngày {0}: {1}. Chưa có số liệu: {2}. Dòng tổng chưa có tỷ lệ và số so sánh; hãy nhập đủ số liệu rồi duyệt, hoặc duyệt ngày gần nhất có đủ số liệu.",
            UiFormat.Date(report.Date), reason, string.Join(", ", missing)];
    }

    private int CurrentRevision() => Annex!.Result!.Catalog!.Revisions.First(r => r.Date == Document!.Report.Date).Number;

    /// <summary>
    /// The 409 of a sign-off whose annex changed while the page was open: names what changed, and shows the current annex
    /// with a form that signs it — its revision and fingerprint, not the posted ones (round 9's second trial: the page
    /// after a 409 showed the new figures under the old revision number, and pressing again was refused again).
    /// </summary>
    private PageResult RefuseStale(IReadOnlyList<AnnexPart> changed, bool moved)
    {
        var problem = Stale(changed, moved);
        Revision = CurrentRevision();
        Fingerprint = FingerprintNow();
        // The hidden fields are written from the model state (the posted values) before the model: drop those.
        ModelState.Remove(nameof(Revision));
        ModelState.Remove(nameof(Fingerprint));
        return Refuse(StatusCodes.Status409Conflict, problem);
    }

    /// <summary>The refusal of a sign-off whose annex changed while the page was open, naming what changed.</summary>
    private string Stale(IReadOnlyList<AnnexPart> changed, bool moved)
    {
        // The parts named as the annex's own lines name them (SignOffStatus.PartText), in the UI language.
        var parts = changed.Select(part => part == AnnexPart.Counts && moved
            ? localizer["số liệu đăng ký (đã có lần nhập mới của ngày này)"].Value
            : localizer[SignOffStatus.PartText(part)].Value);
        return localizer["Trong lúc trang duyệt đang mở, phụ lục ngày {0} đã thay đổi: {1}. Chưa duyệt gì; hãy xem lại bản mới rồi duyệt.",
            UiFormat.Date(Document!.Report.Date), string.Join(", ", parts)];
    }

    private string FingerprintNow() => AnnexSource.FingerprintOf(Annex!.Result!.Figures!.Annex, Annex.Settings, Annex.Result.Catalog!);

    /// <summary>A blank value as no route value at all, so that links carry only what was asked.</summary>
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private PageResult Refuse(int status, string problem)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }

    private sealed class ResultAdapter(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
