using System.Globalization;
using BluezoneTracker.Core.Reports;

namespace BluezoneTracker.Web.Reports;

/// <summary>
/// Notes printed under the annex's table: which population figures the rates used, and the
/// data-quality warnings — both in Vietnamese, as the official annex always is.
/// </summary>
/// <param name="PopulationNote">"Dân số dùng để tính tỷ lệ: năm 2019, nguồn: …".</param>
/// <param name="Warnings">One Vietnamese sentence per data-quality warning of the report.</param>
public sealed record AnnexNotes(string PopulationNote, IReadOnlyList<string> Warnings)
{
    public static readonly AnnexNotes None = new(string.Empty, []);

    /// <summary>
    /// Set when the annex uses made-up figures (the national demo, decision 047): printed at the top of the Excel
    /// sheet and in its page header, and on every page of the PDF, so no page can be taken for real figures.
    /// </summary>
    public string? SyntheticNotice { get; init; }

    /// <summary>The codes of the areas whose population is made up (<see cref="Core.Seed.NationalSample.SyntheticSource"/>): their rows are synthetic.</summary>
    public IReadOnlySet<string> SyntheticCodes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Whether a row of the annex carries made-up figures: an area row whose area's population is synthetic; the
    /// unassigned and total rows of an annex that has any (they add made-up counts). None in an annex of real figures.
    /// </summary>
    public bool IsSynthetic(AnnexLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return SyntheticNotice is not null
            && (line.Kind != AnnexLineKind.Area || (line.Code is { } code && SyntheticCodes.Contains(code)));
    }

    /// <summary>The notice of an annex with made-up figures.</summary>
    public const string SyntheticText = "SỐ LIỆU MINH HỌA — không phải số liệu thật: dân số và số đăng ký trong bảng này có số tự tạo.";
}

/// <summary>
/// Everything the files a director signs (PDF and Excel) print around the table, said once so that
/// both print the same words: the agency block with the document number, the national motto, the
/// dispatch's place and date line, the notes, the sign-off line and the signer block.
/// </summary>
/// <remarks>
/// The dispatch's values (number, place, date, signer) are read here and only here, from the document's
/// <see cref="AnnexDocument.Dispatch"/>: the details the Director entered at sign-off, or for a draft the
/// report settings dated on the as-of date.
/// </remarks>
internal sealed record AnnexFrame(
    string Agency,
    string NumberLine,
    string PlaceDateLine,
    AnnexNotes Notes,
    string? StatusLine,
    bool IsDraft,
    string SignerTitle,
    string SignerName)
{
    /// <summary>"11/12 huyện, thành phố có số liệu ngày 18/8/2020" when some areas have no count; printed first under the table.</summary>
    public string? CoverageLine { get; init; }

    /// <summary>Why the total line's figures are withheld (an area missing on a date they depend on); printed after the coverage line.</summary>
    public string? WithheldLine { get; init; }

    public const string NationText = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string MottoText = "Độc lập - Tự do - Hạnh phúc";
    public const string WarningsHeading = "Cảnh báo chất lượng số liệu:";

    public static AnnexFrame From(AnnexDocument document, ReportSettings settings, SignOffStatus? signOff, AnnexNotes? notes)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        return new AnnexFrame(
            settings.AgencyName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")),
            $"Số: {document.Dispatch.Reference}",
            document.Dispatch.PlaceAndDate,
            notes ?? AnnexNotes.None,
            signOff?.StatusLine,
            signOff is { IsDraft: true },
            document.Dispatch.SignerTitle,
            document.Dispatch.SignerName)
        {
            CoverageLine = document.CoverageLine,
            WithheldLine = document.WithheldLine,
        };
    }

    /// <summary>The note lines under the table, in print order: the coverage line, the population note, then the warnings under their heading.</summary>
    public IReadOnlyList<string> NoteLines()
    {
        var lines = new List<string>();
        if (CoverageLine is { } coverage)
        {
            lines.Add(coverage);
        }

        if (WithheldLine is { } withheld)
        {
            lines.Add(withheld);
        }

        if (!string.IsNullOrWhiteSpace(Notes.PopulationNote))
        {
            lines.Add(Notes.PopulationNote);
        }

        if (Notes.Warnings.Count > 0)
        {
            lines.Add(WarningsHeading);
            lines.AddRange(Notes.Warnings.Select(w => "- " + w));
        }

        return lines;
    }
}
