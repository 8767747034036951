using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BluezoneTracker.Core.Figures;

namespace BluezoneTracker.Core.Reports;

/// <summary>
/// An annex as a Director signed it: every figure (the annex report, with the populations used, their year
/// and source on its area and rows), the target in force, the report settings and the dispatch details, the
/// revision signed, who and when. Stored whole as JSON, append-only; every later rendering of the date is
/// made from it, so it reproduces what was signed cell for cell whatever changed since.
/// </summary>
public sealed record SignedAnnex(
    AnnexReport Report,
    ReportSettings Settings,
    DispatchDetails Dispatch,
    Target? Target,
    IReadOnlyList<PopulationUsed> Populations,
    int RevisionNumber,
    string SignedBy,
    DateTimeOffset SignedAt)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The annex document as signed (wording of the settings and dispatch as they were).</summary>
    public AnnexDocument Document() => AnnexDocument.From(Report, Settings, Dispatch);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SignedAnnex FromJson(string json) =>
        JsonSerializer.Deserialize<SignedAnnex>(json, Json) ?? throw new JsonException("Empty signed annex.");

    /// <summary>The population figures an annex used: which area, how many, the year and source.</summary>
    public static IReadOnlyList<PopulationUsed> PopulationsOf(AnnexReport report, IEnumerable<Areas.Area> children)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(children);
        return [.. children.Prepend(report.Area)
            .Where(a => a.Population is not null)
            .Select(a => new PopulationUsed(a.Code, a.Name, a.Population!.Count, a.Population.Year, a.Population.Source))];
    }
}

/// <summary>A population figure used by an annex.</summary>
public sealed record PopulationUsed(string Code, string Name, long Count, int Year, string Source);

/// <summary>
/// The cells of two renderings of an annex that differ: the signed one and the one the current data gives.
/// Lines are matched by kind and area code; the six printed cells and the attachment line are compared.
/// </summary>
public static class AnnexDifferences
{
    /// <summary>One differing cell: the line's name, the column header, the text as signed and the current text.</summary>
    public sealed record Cell(string Line, string Column, string AsSigned, string Current);

    public static IReadOnlyList<Cell> Between(AnnexDocument asSigned, AnnexDocument current)
    {
        ArgumentNullException.ThrowIfNull(asSigned);
        ArgumentNullException.ThrowIfNull(current);
        var cells = new List<Cell>();
        foreach (var (name, a, b) in new[] { ("Tiêu đề", asSigned.AsOfLine, current.AsOfLine), ("Kèm theo", asSigned.AttachmentLine, current.AttachmentLine) })
        {
            if (a != b)
            {
                cells.Add(new Cell(name, string.Empty, a, b));
            }
        }

        for (var column = 0; column < asSigned.Headers.Count; column++)
        {
            if (asSigned.Headers[column] != current.Headers[column])
            {
                cells.Add(new Cell("Tiêu đề cột", asSigned.Headers[column], asSigned.Headers[column], current.Headers[column]));
            }
        }

        var now = current.Lines.ToDictionary(Key);
        foreach (var line in asSigned.Lines)
        {
            if (!now.Remove(Key(line), out var other))
            {
                cells.Add(new Cell(line.Name, string.Empty, string.Join(" | ", line.Cells), string.Empty));
                continue;
            }

            for (var column = 0; column < line.Cells.Count; column++)
            {
                if (line.Cells[column] != other.Cells[column])
                {
                    cells.Add(new Cell(line.Name, asSigned.Headers[column], line.Cells[column], other.Cells[column]));
                }
            }
        }

        cells.AddRange(now.Values.Select(line => new Cell(line.Name, string.Empty, string.Empty, string.Join(" | ", line.Cells))));
        return cells;
    }

    private static (AnnexLineKind, string?) Key(AnnexLine line) => (line.Kind, line.Kind == AnnexLineKind.Area ? line.Code : null);

    /// <summary>
    /// The settings printed on every rendering of an annex (the agency's name and short name above the table, the
    /// document code in the dispatch's reference) that differ between the signed annex and the current settings, one
    /// cell each on the line "Cài đặt" with the settings page's label as its column. The dispatch's number, place and
    /// signer are not compared: they are given at sign-off and belong to the signature (round 8's trial: an agency
    /// renamed after a sign-off was printed on the new draft but said nowhere).
    /// </summary>
    public static IReadOnlyList<Cell> BetweenSettings(ReportSettings asSigned, ReportSettings current)
    {
        ArgumentNullException.ThrowIfNull(asSigned);
        ArgumentNullException.ThrowIfNull(current);
        return new[]
        {
            ("Tên cơ quan", asSigned.AgencyName, current.AgencyName),
            ("Tên viết tắt", asSigned.AgencyShortName, current.AgencyShortName),
            ("Ký hiệu văn bản", asSigned.DocumentCode, current.DocumentCode),
        }
        .Where(s => !string.Equals(s.Item2, s.Item3, StringComparison.Ordinal))
        .Select(s => new Cell("Cài đặt", s.Item1, s.Item2, s.Item3))
        .ToList();
    }
}
