using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BluezoneTracker.Core.Figures;

namespace BluezoneTracker.Core.Reports;

/// <summary>What an annex is made from, each of which can change on its own after the annex was looked at.</summary>
public enum AnnexPart
{
    /// <summary>The counts: registrations and changes of every line, the dates compared.</summary>
    Counts,

    /// <summary>The population figures used (count, year, source).</summary>
    Populations,

    /// <summary>The target in force.</summary>
    Target,

    /// <summary>The agency: its name, short name and document code.</summary>
    Agency,

    /// <summary>The other report settings: place, signer's title and name, dispatch number.</summary>
    Settings,

    /// <summary>Anything else printed (an area's name, a warning) when none of the parts above changed.</summary>
    Other,
}

/// <summary>
/// A fingerprint of an annex made of one short hash per <see cref="AnnexPart"/>, so that when an annex changed
/// between being looked at and being signed, what changed is known from a comparison, not guessed
/// (round 9's trial: a population changed and the refusal said "the counts changed").
/// </summary>
/// <example>"3f2a9c01.77b0e412.0c9d4a11.5e6f7081.9a8b7c6d.12ab34cd" — counts, populations, target, agency, settings, all.</example>
public static class AnnexParts
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The fingerprint of the annex made from these parts: one hash per part, then one of the whole.</summary>
    public static string Fingerprint(AnnexReport report, ReportSettings settings, Target? target, IReadOnlyList<PopulationUsed> populations)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(populations);
        var counts = new
        {
            report.Date, report.CompareDate,
            Rows = report.Rows.Select(r => new { r.Code, r.Registrations, r.Change }),
            report.Unassigned, Total = new { report.Total.Registrations, report.Total.Change },
        };
        var agency = new { settings.AgencyName, settings.AgencyShortName, settings.DocumentCode };
        var rest = settings with { AgencyName = string.Empty, AgencyShortName = string.Empty, DocumentCode = string.Empty };
        return string.Join('.', Hash(counts), Hash(populations), Hash(target), Hash(agency), Hash(rest), Hash(new { report, settings, target, populations }));
    }

    /// <summary>
    /// The parts in which <paramref name="now"/> differs from <paramref name="before"/>, in <see cref="AnnexPart"/> order:
    /// empty when both are the same annex; <see cref="AnnexPart.Other"/> alone when only something outside the named parts
    /// changed, or when <paramref name="before"/> is not such a fingerprint (a page opened before this form of it).
    /// </summary>
    public static IReadOnlyList<AnnexPart> Changed(string? before, string now)
    {
        ArgumentNullException.ThrowIfNull(now);
        if (string.Equals(before, now, StringComparison.Ordinal))
        {
            return [];
        }

        var was = (before ?? string.Empty).Split('.');
        var is_ = now.Split('.');
        if (was.Length != is_.Length)
        {
            return [AnnexPart.Other];
        }

        var named = Enum.GetValues<AnnexPart>().Where(p => p != AnnexPart.Other && !string.Equals(was[(int)p], is_[(int)p], StringComparison.Ordinal)).ToList();
        return named.Count > 0 ? named : [AnnexPart.Other];
    }

    private static string Hash<T>(T value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, Json))))[..8];
}
