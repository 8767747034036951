using System.Globalization;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Infrastructure;
using BluezoneTracker.Web.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>The outcome of saving: the new revision, or the problems that stopped it (nothing written).</summary>
public sealed record IntakeResult(int? Number, DateOnly? Date, IReadOnlyList<ImportProblem> Problems)
{
    public bool Saved => Number is not null;

    /// <summary>
    /// The refusal of a rule on who may write (a signed-off date revised by Staff), or null: pages and the API answer it
    /// with a 403 and its one sentence, as every other permission refusal, not as a form error to fix (a 422).
    /// </summary>
    public ImportProblem? Forbidden => Problems.FirstOrDefault(p => p.Kind == ImportProblemKind.SignedOffDate);
}

/// <summary>
/// Every way counts come in — the grid, an uploaded file, the API, the command line, a restore —
/// goes through here: the same parsing, the same checks, and one transaction that appends a revision.
/// </summary>
public sealed class SnapshotIntake(AppDbContext db, AreaScope scope, DataVersion version, TimeProvider clock, IOptions<ImportOptions> options, DateInput dates)
{
    public ImportOptions Options => options.Value;

    public DateOnly Today => VietnamTime.Today(clock);

    /// <summary>
    /// The date the grid and the upload page offer first: the day after the area's latest counts, never after today
    /// (<see cref="SnapshotDates.NextToEnter"/>) — one answer for both ways of entering counts.
    /// </summary>
    public DateOnly NextDateToEnter(AreaCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return SnapshotDates.NextToEnter(catalog.Dates, Today);
    }

    /// <summary>The catalog of the scope's area (the request's, or the deployment area outside a request).</summary>
    public async Task<AreaCatalog> CatalogAsync(CancellationToken ct) =>
        await scope.CatalogAsync(ct) ?? throw new InvalidOperationException("No area is configured.");

    /// <summary>Checks a file's counts for a date.</summary>
    public Task<IntakeDraft> FromFileAsync(string? dateText, UploadedFile file, CancellationToken ct) => FromFileAsync(dateText, file, null, null, ct);

    /// <summary>
    /// Checks a file's counts for a date, reading the sheet and column chosen by the user when the file could be
    /// read more than one way. A file that leaves out areas the date has counts for needs a
    /// <paramref name="mode"/>: <c>replace</c> (the file is the whole date) or <c>update</c> (only its areas change).
    /// </summary>
    public async Task<IntakeDraft> FromFileAsync(string? dateText, UploadedFile file, string? mode, TableChoice? choice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var catalog = await CatalogAsync(ct);
        var (date, dateProblem) = AsOfDate.Parse(dateText, dates.Accepted.EndingBy(Today));
        var (workbook, fileProblem) = UploadedTable.Read(file.Content, Options);
        var parsed = workbook is null ? null : CountsTable.Read(workbook, new AreaMatcher(catalog.Children), catalog.Area, date, choice);
        var problems = new List<ImportProblem>();
        problems.AddRange(new[] { dateProblem, fileProblem, StoredText.FileNameProblem(file.FileName) }.OfType<ImportProblem>());
        problems.AddRange(parsed?.Problems ?? []);
        var (saveMode, modeProblem) = IntakeModes.Parse(mode);
        if (modeProblem is not null)
        {
            problems.Add(modeProblem);
        }

        var warnings = new List<DataWarning>(parsed?.Warnings ?? []);
        if (parsed?.Source is { } table && date is { } chosen && FileDate.Compare(table, chosen, catalog.Area) is { } otherDate)
        {
            // A file of one day sent for another: shown first, it must be confirmed like any warning.
            warnings.Insert(0, otherDate);
        }

        if (parsed is { Source: not null } && date is { } day)
        {
            // A sheet or a column named for another day (often the one the user picked from the list): the same warning.
            warnings.InsertRange(0, FileDate.Compare(parsed.Reading, day, catalog.Area));
        }

        var sameFile = await SameFileImportsAsync(file.Sha256, ct);
        var draft = await DraftAsync(catalog, date, parsed?.Rows ?? [], parsed?.Unassigned, problems, warnings, file, sameFile, saveMode, ct);
        return draft with { Reading = parsed?.Reading };
    }

    /// <summary>Checks the grid's counts: texts by area code, and the unassigned count.</summary>
    public Task<IntakeDraft> FromGridAsync(string? dateText, IReadOnlyDictionary<string, string?> counts, string? unassignedText, CancellationToken ct) =>
        FromGridAsync(dateText, counts, unassignedText, [], ct);

    /// <summary>
    /// Checks the grid's counts: texts by area code, the unassigned count, and the areas whose count the user
    /// chose to remove from the date. The grid is the whole date: a blank box for an area that has a count on
    /// the date is a problem, never a removal; removing is the explicit <paramref name="remove"/> list.
    /// </summary>
    public async Task<IntakeDraft> FromGridAsync(
        string? dateText, IReadOnlyDictionary<string, string?> counts, string? unassignedText, IReadOnlyCollection<string> remove, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(remove);
        var catalog = await CatalogAsync(ct);
        var (date, dateProblem) = AsOfDate.Parse(dateText, dates.Accepted.EndingBy(Today));
        var problems = new List<ImportProblem>();
        if (dateProblem is not null)
        {
            problems.Add(dateProblem);
        }

        var onDate = date is { } d0 && catalog.Revisions.FirstOrDefault(r => r.Date == d0) is { } currentRevision
            ? (await RevisionCounts.ReadAsync(db, [new RevisionCounts.Stored(currentRevision.Id, currentRevision.Date, currentRevision.Unassigned)], ct))[currentRevision.Id]
            : null;
        var rows = new List<MatchedRow>();
        var line = 0;
        foreach (var child in catalog.Children)
        {
            // Grid problems are located by the district's name (Cell), not by a line.
            line++;
            if (remove.Contains(child.Code))
            {
                continue;
            }

            var text = counts.GetValueOrDefault(child.Code);
            var (count, problem) = CountText.Parse(text);
            if (problem is { } p)
            {
                problems.Add(new ImportProblem(p, null, child.Name, text));
            }
            else if (count is { } c)
            {
                rows.Add(new MatchedRow(line, child, child.Name, MatchKind.Code, c));
            }
            else if (onDate?.For(child.Code) is not null)
            {
                problems.Add(new ImportProblem(ImportProblemKind.BlankCount, null, child.Name, text));
            }
        }

        var (unassigned, unassignedProblem) = CountText.Parse(unassignedText);
        if (unassignedProblem is not null || unassigned is null)
        {
            problems.Add(new ImportProblem(unassignedProblem ?? ImportProblemKind.MissingCount, null, unassignedProblem is null ? null : AreaWording.For(catalog.Area, catalog.Children).UnassignedLabel, unassignedText));
        }

        return await DraftAsync(catalog, date, rows, unassigned ?? 0, problems, [], null, [], IntakeMode.Replace, ct);
    }

    private async Task<IntakeDraft> DraftAsync(
        AreaCatalog catalog, DateOnly? date, IReadOnlyList<MatchedRow> rows, long? unassigned, List<ImportProblem> problems,
        IReadOnlyList<DataWarning> fileWarnings, UploadedFile? file, IReadOnlyList<EarlierImport> sameFile, IntakeMode? mode, CancellationToken ct)
    {
        if (catalog.Children.Count == 0)
        {
            // Only the unassigned count could be entered, and it would be shown instead of the parent's row.
            problems.Insert(0, new ImportProblem(ImportProblemKind.NoChildAreas, null, null, catalog.Area.Name));
        }

        // With problems the preview is still built from the rows that could be read, so the user sees
        // them beside the errors; HasErrors keeps such a draft from being saved.
        if (date is not { } d)
        {
            return new IntakeDraft(catalog.Area, catalog.Children, date, rows, problems, null, null, file, sameFile);
        }

        var current = catalog.Revisions.FirstOrDefault(r => r.Date == d);
        var earlier = catalog.Revisions.Where(r => r.Date < d).OrderByDescending(r => r.Date).Take(AnnexCalculator.UnchangedSnapshotsThreshold).ToList();
        var counts = await RevisionCounts.ReadAsync(
            db, [.. earlier.Append(current).OfType<CurrentRevision>().Select(r => new RevisionCounts.Stored(r.Id, r.Date, r.Unassigned))], ct);
        var fromInput = new SnapshotCounts(d, rows.ToDictionary(r => r.Area.Code, r => r.Count, StringComparer.Ordinal), unassigned ?? 0);
        var (proposed, modeProblem) = IntakeModes.Apply(fromInput, unassigned is not null, current is null ? null : counts[current.Id], mode);
        if (modeProblem is not null && IntakeModes.CoverageKnown(problems))
        {
            problems.Add(modeProblem);
        }

        var preview = IntakePreview.Build(
            new IntakeInput(catalog.Area, catalog.Children, proposed, [.. earlier.Select(r => counts[r.Id])], current is null ? null : counts[current.Id]),
            fileWarnings);
        return new IntakeDraft(catalog.Area, catalog.Children, d, rows, problems, preview, current?.Number, file, sameFile);
    }

    /// <summary>
    /// Saves a checked draft as a new revision in one transaction. Refused (nothing written) when it has
    /// errors or unconfirmed warnings, and — checked inside the write, against the store — when it revises a
    /// date without a reason, when another save of the date came after the preview, or when it revises a
    /// signed-off date without the <paramref name="actor"/> being a Director or an Admin.
    /// </summary>
    public async Task<IntakeResult> SaveAsync(IntakeDraft draft, RevisionSource source, string? reason, ActingUser actor, bool warningsConfirmed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.HasErrors || draft.Date is not { } date || draft.Preview is null)
        {
            return new IntakeResult(null, draft.Date, draft.Problems);
        }

        if (StoredText.ReasonProblem(reason) is { } tooLong)
        {
            return new IntakeResult(null, date, [tooLong]);
        }

        // The rules (a revision needs a reason; a signed-off date needs a Director) are checked inside the write.
        reason = StoredText.Clean(reason);
        if (draft.NeedsConfirmation && !warningsConfirmed)
        {
            return new IntakeResult(null, date, []);
        }

        var counts = draft.Preview.Annex.Rows.Where(r => r.Registrations is not null).ToDictionary(r => r.Code, r => r.Registrations!.Value, StringComparer.Ordinal);
        return await AppendAsync(new SnapshotStore.NewRevision(
            draft.Parent.Code, new SnapshotCounts(date, counts, draft.Preview.Annex.Unassigned.Registrations), actor.Name, source, draft.File?.FileName, reason?.Trim(), draft.File, null,
            draft.CurrentNumber, actor.MayReviseSignedOff), ct);
    }

    /// <summary>
    /// Whether the acting user may save a new revision of a date that has counts, by the rule the write checks (a
    /// signed-off date: a Director or an Admin only), so that a page offers such a save only to who may make it.
    /// </summary>
    /// <param name="areaCode">The area whose date it is (its caller holds the catalog already).</param>
    /// <param name="date">The date.</param>
    /// <param name="actor">Who would save.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<bool> MayReviseAsync(string areaCode, DateOnly date, ActingUser actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.MayReviseSignedOff || !await SnapshotStore.IsSignedOffAsync(db, areaCode, date, ct);
    }

    /// <summary>Makes an earlier revision current again, as a new revision (nothing is overwritten).</summary>
    public async Task<IntakeResult> RestoreAsync(DateOnly date, int number, string? reason, ActingUser actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var catalog = await CatalogAsync(ct);
        if (StoredText.ReasonProblem(reason) is { } tooLong)
        {
            return new IntakeResult(null, date, [tooLong]);
        }

        // A blank reason goes to the write as none: the write checks the role on a signed-off date first, then the reason.
        reason = StoredText.Clean(reason);
        var revision = await db.SnapshotRevisions.AsNoTracking()
            .Where(r => r.Area!.Code == catalog.Area.Code && r.Date == date && r.Number == number)
            .Select(r => new { Stored = new RevisionCounts.Stored(r.Id, r.Date, r.Unassigned), r.UploadedFileId, r.FileName })
            .SingleOrDefaultAsync(ct);
        if (revision is null)
        {
            return new IntakeResult(null, date, [new ImportProblem(ImportProblemKind.UnknownRevision, Value: VietnameseFormat.IsoDate(date), Other: number.ToString(CultureInfo.InvariantCulture))]);
        }

        var restored = (await RevisionCounts.ReadAsync(db, [revision.Stored], ct))[revision.Stored.Id];
        var current = catalog.Revisions.FirstOrDefault(r => r.Date == date)?.Number;
        var result = await AppendAsync(new SnapshotStore.NewRevision(
            catalog.Area.Code, restored, actor.Name, RevisionSource.Restore, revision.FileName, string.IsNullOrWhiteSpace(reason) ? null : $"Khôi phục bản #{number}: {reason.Trim()}", null, revision.UploadedFileId,
            current, actor.MayReviseSignedOff), ct);

        // The write's rule, said as what the user was doing: restoring revision #N of this date, not "saving a revision".
        return result with
        {
            Problems = [.. result.Problems.Select(p => p.Kind == ImportProblemKind.ReasonRequired
                ? new ImportProblem(ImportProblemKind.RestoreReasonRequired, Value: VietnameseFormat.IsoDate(date), Other: number.ToString(CultureInfo.InvariantCulture))
                : p)],
        };
    }

    /// <summary>Every save ends here: the revision is appended (or refused by a rule) and the cached figures are invalidated.</summary>
    private async Task<IntakeResult> AppendAsync(SnapshotStore.NewRevision revision, CancellationToken ct)
    {
        var appended = await SnapshotStore.AppendAsync(db, clock, revision, ct);
        if (appended.Problem is { } problem)
        {
            return new IntakeResult(null, revision.Counts.Date, [problem]);
        }

        version.BumpFigures();
        return new IntakeResult(appended.Number, revision.Counts.Date, []);
    }

    private async Task<IReadOnlyList<EarlierImport>> SameFileImportsAsync(string sha256, CancellationToken ct) =>
        await db.SnapshotRevisions.AsNoTracking()
            .Where(r => r.UploadedFile != null && r.UploadedFile.Sha256 == sha256)
            .OrderBy(r => r.Date).ThenBy(r => r.Number)
            .Select(r => new EarlierImport(r.Date, r.Number))
            .ToListAsync(ct);
}
