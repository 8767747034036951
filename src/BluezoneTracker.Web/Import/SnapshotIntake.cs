using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Import;

/// <summary>The outcome of saving: the new revision, or the problems that stopped it (nothing written).</summary>
public sealed record IntakeResult(int? Number, DateOnly? Date, IReadOnlyList<ImportProblem> Problems)
{
    public bool Saved => Number is not null;
}

/// <summary>
/// Every way counts come in — the grid, an uploaded file, the API, the command line, a restore —
/// goes through here: the same parsing, the same checks, and one transaction that appends a revision.
/// </summary>
public sealed class SnapshotIntake(AppDbContext db, FiguresQuery figures, DataVersion version, TimeProvider clock, IOptions<ImportOptions> options, IHttpContextAccessor http)
{
    public ImportOptions Options => options.Value;

    public DateOnly Today => VietnamTime.Today(clock);

    public async Task<AreaCatalog> CatalogAsync(CancellationToken ct) =>
        await figures.CatalogAsync(null, ct) ?? throw new InvalidOperationException("No area is configured.");

    /// <summary>Checks a file's counts for a date.</summary>
    public Task<IntakeDraft> FromFileAsync(string? dateText, UploadedFile file, CancellationToken ct) => FromFileAsync(dateText, file, null, ct);

    /// <summary>Checks a file's counts for a date, reading the sheet and column chosen by the user when the file could be read more than one way.</summary>
    public async Task<IntakeDraft> FromFileAsync(string? dateText, UploadedFile file, TableChoice? choice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var catalog = await CatalogAsync(ct);
        var (date, dateProblem) = AsOfDate.Parse(dateText, Today);
        var (workbook, fileProblem) = UploadedTable.Read(file.Content, Options);
        var parsed = workbook is null ? null : CountsTable.Read(workbook, new AreaMatcher(catalog.Children), catalog.Area, date, choice);
        var problems = new List<ImportProblem>();
        problems.AddRange(new[] { dateProblem, fileProblem }.OfType<ImportProblem>());
        problems.AddRange(parsed?.Problems ?? []);
        var warnings = new List<DataWarning>(parsed?.Warnings ?? []);
        if (parsed?.Source is { } table && date is { } chosen && FileDate.Compare(table, chosen, catalog.Area) is { } otherDate)
        {
            // A file of one day sent for another: shown first, it must be confirmed like any warning.
            warnings.Insert(0, otherDate);
        }

        var sameFile = await SameFileImportsAsync(file.Sha256, ct);
        var draft = await DraftAsync(catalog, date, parsed?.Rows ?? [], parsed?.Unassigned ?? 0, problems, warnings, file, sameFile, ct);
        return draft with { Reading = parsed?.Reading };
    }

    /// <summary>Checks the grid's counts: texts by area code, and the unassigned count.</summary>
    public async Task<IntakeDraft> FromGridAsync(string? dateText, IReadOnlyDictionary<string, string?> counts, string? unassignedText, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var catalog = await CatalogAsync(ct);
        var (date, dateProblem) = AsOfDate.Parse(dateText, Today);
        var problems = new List<ImportProblem>();
        if (dateProblem is not null)
        {
            problems.Add(dateProblem);
        }

        var rows = new List<MatchedRow>();
        var line = 0;
        foreach (var child in catalog.Children)
        {
            // Grid problems are located by the district's name (Cell), not by a line.
            line++;
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
        }

        var (unassigned, unassignedProblem) = CountText.Parse(unassignedText);
        if (unassignedProblem is not null || unassigned is null)
        {
            problems.Add(new ImportProblem(unassignedProblem ?? ImportProblemKind.MissingCount, null, unassignedProblem is null ? null : "Số thuê bao chưa xác định được huyện", unassignedText));
        }

        return await DraftAsync(catalog, date, rows, unassigned ?? 0, problems, [], null, [], ct);
    }

    private async Task<IntakeDraft> DraftAsync(
        AreaCatalog catalog, DateOnly? date, IReadOnlyList<MatchedRow> rows, long unassigned, List<ImportProblem> problems,
        IReadOnlyList<DataWarning> fileWarnings, UploadedFile? file, IReadOnlyList<EarlierImport> sameFile, CancellationToken ct)
    {
        // With problems the preview is still built from the rows that could be read, so the user sees
        // them beside the errors; HasErrors keeps such a draft from being saved.
        if (date is not { } d)
        {
            return new IntakeDraft(catalog.Area, catalog.Children, date, rows, problems, null, null, file, sameFile);
        }

        var proposed = new SnapshotCounts(d, rows.ToDictionary(r => r.Area.Code, r => r.Count, StringComparer.Ordinal), unassigned);
        var current = catalog.Revisions.FirstOrDefault(r => r.Date == d);
        var earlier = catalog.Revisions.Where(r => r.Date < d).OrderByDescending(r => r.Date).Take(AnnexCalculator.UnchangedSnapshotsThreshold).ToList();
        var counts = await RevisionCounts.ReadAsync(
            db, [.. earlier.Append(current).OfType<CurrentRevision>().Select(r => new RevisionCounts.Stored(r.Id, r.Date, r.Unassigned))], ct);
        var preview = IntakePreview.Build(
            new IntakeInput(catalog.Area, catalog.Children, proposed, [.. earlier.Select(r => counts[r.Id])], current is null ? null : counts[current.Id]),
            fileWarnings);
        return new IntakeDraft(catalog.Area, catalog.Children, d, rows, problems, preview, current?.Number, file, sameFile);
    }

    /// <summary>
    /// Saves a checked draft as a new revision in one transaction. Refused (nothing written) when it has
    /// errors, when it revises a date without a reason, or when its warnings were not confirmed.
    /// </summary>
    public async Task<IntakeResult> SaveAsync(IntakeDraft draft, RevisionSource source, string? reason, string user, bool warningsConfirmed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.HasErrors || draft.Date is not { } date || draft.Preview is null)
        {
            return new IntakeResult(null, draft.Date, draft.Problems);
        }

        if (draft.IsRevision && string.IsNullOrWhiteSpace(reason))
        {
            return new IntakeResult(null, date, [new ImportProblem(ImportProblemKind.ReasonRequired, Other: draft.CurrentNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        if (draft.IsRevision && await NeedsDirectorAsync(draft.Parent.Code, date, ct))
        {
            return new IntakeResult(null, date, [new ImportProblem(ImportProblemKind.SignedOffDate)]);
        }

        if (draft.NeedsConfirmation && !warningsConfirmed)
        {
            return new IntakeResult(null, date, []);
        }

        var counts = draft.Preview.Annex.Rows.Where(r => r.Registrations is not null).ToDictionary(r => r.Code, r => r.Registrations!.Value, StringComparer.Ordinal);
        return await AppendAsync(new SnapshotStore.NewRevision(
            draft.Parent.Code, new SnapshotCounts(date, counts, draft.Preview.Annex.Unassigned.Registrations), user, source, draft.File?.FileName, reason?.Trim(), draft.File, null), ct);
    }

    /// <summary>Makes an earlier revision current again, as a new revision (nothing is overwritten).</summary>
    public async Task<IntakeResult> RestoreAsync(DateOnly date, int number, string? reason, string user, CancellationToken ct)
    {
        var catalog = await CatalogAsync(ct);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new IntakeResult(null, date, [new ImportProblem(ImportProblemKind.ReasonRequired)]);
        }

        var revision = await db.SnapshotRevisions.AsNoTracking()
            .Where(r => r.Area!.Code == catalog.Area.Code && r.Date == date && r.Number == number)
            .Select(r => new { Stored = new RevisionCounts.Stored(r.Id, r.Date, r.Unassigned), r.UploadedFileId, r.FileName })
            .SingleOrDefaultAsync(ct);
        if (revision is null)
        {
            return new IntakeResult(null, date, [new ImportProblem(ImportProblemKind.UnknownRevision, Value: $"{date:yyyy-MM-dd} #{number}")]);
        }

        if (await NeedsDirectorAsync(catalog.Area.Code, date, ct))
        {
            return new IntakeResult(null, date, [new ImportProblem(ImportProblemKind.SignedOffDate)]);
        }

        var restored = (await RevisionCounts.ReadAsync(db, [revision.Stored], ct))[revision.Stored.Id];
        return await AppendAsync(new SnapshotStore.NewRevision(
            catalog.Area.Code, restored, user, RevisionSource.Restore, revision.FileName, $"Khôi phục bản #{number}: {reason.Trim()}", null, revision.UploadedFileId), ct);
    }

    /// <summary>Every save ends here: the revision is appended and the cached figures are invalidated.</summary>
    private async Task<IntakeResult> AppendAsync(SnapshotStore.NewRevision revision, CancellationToken ct)
    {
        var number = await SnapshotStore.AppendAsync(db, clock, revision, ct);
        version.Bump();
        return new IntakeResult(number, revision.Counts.Date, []);
    }

    /// <summary>
    /// A signed-off date is revised only by a Director or an Admin (the earlier sign-off then shows as
    /// superseded). The command line runs on the server itself and is not asked.
    /// </summary>
    private async Task<bool> NeedsDirectorAsync(string areaCode, DateOnly date, CancellationToken ct)
    {
        if (http.HttpContext?.User is not { } user || user.IsInRole(Accounts.Roles.Director) || user.IsInRole(Accounts.Roles.Admin))
        {
            return false;
        }

        return await db.SignOffs.AnyAsync(
            s => s.Revision!.Area!.Code == areaCode && s.Revision.Date == date
                && !db.SnapshotRevisions.Any(n => n.AreaId == s.Revision.AreaId && n.Date == date && n.Number > s.Revision.Number),
            ct);
    }

    private async Task<IReadOnlyList<EarlierImport>> SameFileImportsAsync(string sha256, CancellationToken ct) =>
        await db.SnapshotRevisions.AsNoTracking()
            .Where(r => r.UploadedFile != null && r.UploadedFile.Sha256 == sha256)
            .OrderBy(r => r.Date).ThenBy(r => r.Number)
            .Select(r => new EarlierImport(r.Date, r.Number))
            .ToListAsync(ct);
}
