using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Import;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>A file as received: its name (cleaned by <see cref="StoredText.Clean"/>), bytes and SHA-256 (lower-case hex).</summary>
public sealed record UploadedFile(string FileName, byte[] Content)
{
    public string FileName { get; init; } = StoredText.Clean(FileName) ?? string.Empty;

    public string Sha256 { get; } = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content));

    public string ContentType => UploadedTable.ContentTypeOf(Content);

    /// <summary>The file of a form post, under its bare name (a browser may send a full path).</summary>
    public static async Task<UploadedFile> FromFormAsync(IFormFile formFile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(formFile);
        using var copy = new MemoryStream();
        await formFile.CopyToAsync(copy, ct);
        return new UploadedFile(Path.GetFileName(formFile.FileName), copy.ToArray());
    }
}

/// <summary>An earlier revision that came from the same file.</summary>
public sealed record EarlierImport(DateOnly Date, int Number);

/// <summary>
/// New counts checked against the store, not yet saved: what they are, how each row matched,
/// what would change, and every problem (which block saving) and warning (which must be confirmed).
/// </summary>
public sealed record IntakeDraft(
    Area Parent,
    IReadOnlyList<Area> Children,
    DateOnly? Date,
    IReadOnlyList<MatchedRow> Rows,
    IReadOnlyList<ImportProblem> Problems,
    IntakePreview? Preview,
    int? CurrentNumber,
    UploadedFile? File,
    IReadOnlyList<EarlierImport> SameFileImports)
{
    /// <summary>How the file was read (sheet, header, columns, skipped rows, conversion); null for the grid.</summary>
    public TableReading? Reading { get; init; }

    public bool HasErrors => Problems.Count > 0 || Preview is null;

    /// <summary>Whether saving makes a new revision of a date that already has counts (a reason is required).</summary>
    public bool IsRevision => CurrentNumber is not null;

    /// <summary>The same file was already imported for this very date.</summary>
    public bool IsDuplicateForDate => Date is { } d && SameFileImports.Any(i => i.Date == d);

    /// <summary>
    /// For callers that cannot ask a person (the API, the command line): the same file again for the
    /// same date is a problem rather than a warning.
    /// </summary>
    public IntakeDraft RefusingDuplicate() => IsDuplicateForDate
        ? this with
        {
            Problems = [.. Problems, new ImportProblem(ImportProblemKind.DuplicateFile, Value: File?.Sha256,
                Other: SameFileImports.Last(i => i.Date == Date).Number.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        }
        : this;

    /// <summary>
    /// Every count and the unassigned count equal the date's current revision: saving would be refused (UnchangedCounts),
    /// so a page says so at the preview instead of offering to save.
    /// </summary>
    public bool SameAsCurrent => IsRevision && Preview is { ChangesFromCurrent.Count: 0 };

    public bool NeedsConfirmation => Preview is { Warnings.Count: > 0 } || SameFileImports.Count > 0;
}
