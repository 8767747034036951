using System.Text.Json;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Settings;

/// <summary>
/// The report settings: the ones an administrator saved in the database, else those of the
/// <c>Report</c> configuration section. Cached per <see cref="DataVersion"/>.
/// </summary>
public sealed class ReportSettingsStore(AppDbContext db, IOptions<ReportSettings> defaults, IMemoryCache cache, DataVersion version, AuditLog audit, TimeProvider clock)
{
    public async Task<ReportSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        var key = (nameof(ReportSettingsStore), version.Current);
        if (cache.TryGetValue(key, out ReportSettings? cached) && cached is not null)
        {
            return cached;
        }

        var row = await db.ReportSettings.AsNoTracking().Where(r => r.Id == ReportSettingsEntity.SingleId).FirstOrDefaultAsync(cancellationToken);
        var settings = row is null ? defaults.Value : JsonSerializer.Deserialize<ReportSettings>(row.Json) ?? defaults.Value;
        cache.Set(key, settings, TimeSpan.FromMinutes(30));
        return settings;
    }

    public async Task SaveAsync(ReportSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var before = await GetAsync(cancellationToken);
        var row = await db.ReportSettings.Where(r => r.Id == ReportSettingsEntity.SingleId).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new ReportSettingsEntity { Json = string.Empty };
            db.ReportSettings.Add(row);
        }

        row.Json = JsonSerializer.Serialize(settings);
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = audit.Add(AuditKinds.SettingsChanged, "Report", before, settings).UserName;
        await db.SaveChangesAsync(cancellationToken);
        version.Bump();
    }
}
