using System.Text.Json;
using System.Text.Json.Nodes;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Settings;

/// <summary>Which area the configuration's <c>Report</c> section describes (<c>Report:AreaCode</c>; blank: the deployment area).</summary>
public sealed class ReportAreaOptions
{
    public string? AreaCode { get; set; }
}

/// <summary>
/// The report settings of each area (docs/decisions/065). The area the <c>Report</c> section describes
/// (<see cref="ReportAreaOptions"/>) has the settings an administrator saved for it, else that section's; any
/// other area has its administrator's saved settings, else <see cref="ReportSettings.DefaultFor"/> the area
/// (never another area's agency or signer). All are kept in the one ReportSettings row's JSON without a schema
/// change: the configured area's fields at the top (as before per-area settings, so older rows still read),
/// the others under <c>"Areas"</c> by area code. Cached per <see cref="DataVersion"/>.
/// </summary>
public sealed class ReportSettingsStore(
    AppDbContext db, IOptions<ReportSettings> defaults, IOptions<ReportAreaOptions> reportArea, AreaScope scope,
    IMemoryCache cache, DataVersion version, AuditLog audit, TimeProvider clock)
{
    private const string AreasKey = "Areas";

    /// <summary>The settings of the request's area.</summary>
    public async Task<ReportSettings> GetAsync(CancellationToken cancellationToken = default) =>
        await GetAsync(await scope.CodeAsync(cancellationToken), cancellationToken);

    /// <summary>The settings of the area with this code (blank or unknown: the configured defaults).</summary>
    public async Task<ReportSettings> GetAsync(string? areaCode, CancellationToken cancellationToken = default)
    {
        var stored = await StoredAsync(cancellationToken);
        if (IsConfiguredArea(areaCode))
        {
            return stored.Configured ?? defaults.Value;
        }

        if (stored.Areas.TryGetValue(areaCode!, out var saved))
        {
            return saved;
        }

        return scope.Directory.Find(areaCode) is { } node
            ? ReportSettings.DefaultFor(new Area(node.Code, node.Name, node.Kind, node.ParentCode))
            : defaults.Value;
    }

    /// <summary>True when the area keeps no settings of its own yet (the page says where the shown values come from).</summary>
    public async Task<bool> HasSavedAsync(string areaCode, CancellationToken cancellationToken = default)
    {
        var stored = await StoredAsync(cancellationToken);
        return IsConfiguredArea(areaCode) ? stored.Configured is not null : stored.Areas.ContainsKey(areaCode);
    }

    /// <summary>True for the area the configuration's <c>Report</c> section describes.</summary>
    public bool IsConfiguredArea(string? areaCode)
    {
        var configured = reportArea.Value.AreaCode is { Length: > 0 } code ? code.Trim() : scope.DeploymentArea?.Code;
        return string.IsNullOrWhiteSpace(areaCode) || configured is null || string.Equals(areaCode.Trim(), configured, StringComparison.Ordinal);
    }

    /// <summary>Saves the settings of the request's area, audited with the area's code.</summary>
    public async Task SaveAsync(ReportSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var code = await scope.CodeAsync(cancellationToken) ?? throw new InvalidOperationException("No area is configured.");
        var before = await GetAsync(code, cancellationToken);
        var row = await db.ReportSettings.Where(r => r.Id == ReportSettingsEntity.SingleId).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new ReportSettingsEntity { Json = "{}" };
            db.ReportSettings.Add(row);
        }

        var json = JsonNode.Parse(row.Json) as JsonObject ?? [];
        var value = JsonSerializer.SerializeToNode(settings)!.AsObject();
        if (IsConfiguredArea(code))
        {
            foreach (var (name, node) in value.ToList())
            {
                value.Remove(name);
                json[name] = node;
            }
        }
        else
        {
            if (json[AreasKey] is not JsonObject areas)
            {
                areas = [];
                json[AreasKey] = areas;
            }

            areas[code] = value;
        }

        row.Json = json.ToJsonString();
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = audit.Add(AuditKinds.SettingsChanged, IsConfiguredArea(code) ? "Report" : $"Report {code}", before, settings).UserName;
        await db.SaveChangesAsync(cancellationToken);
        version.BumpFigures();
    }

    private sealed record Stored(ReportSettings? Configured, IReadOnlyDictionary<string, ReportSettings> Areas);

    private async Task<Stored> StoredAsync(CancellationToken cancellationToken)
    {
        var key = (nameof(ReportSettingsStore), version.Current);
        if (cache.TryGetValue(key, out Stored? cached) && cached is not null)
        {
            return cached;
        }

        var row = await db.ReportSettings.AsNoTracking().Where(r => r.Id == ReportSettingsEntity.SingleId).FirstOrDefaultAsync(cancellationToken);
        var stored = row is null ? new Stored(null, new Dictionary<string, ReportSettings>()) : Parse(row.Json);
        cache.Set(key, stored, TimeSpan.FromMinutes(30));
        return stored;
    }

    private static Stored Parse(string text)
    {
        var json = JsonNode.Parse(text) as JsonObject ?? [];
        var areas = json[AreasKey]?.Deserialize<Dictionary<string, ReportSettings>>() ?? [];
        json.Remove(AreasKey);
        // A row saved before per-area settings holds only the configured area's fields; a row saved first for
        // another area has none of them, and the configured area keeps its configuration.
        var configured = json.Count == 0 ? null : json.Deserialize<ReportSettings>();
        return new Stored(configured, areas);
    }
}
