using System.Data.Common;
using BluezoneTracker.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// What the scale stores (<see cref="ScaleData"/>, <see cref="ScaleTree"/>) share: one prepared INSERT of
/// SnapshotCounts rows inside the filling transaction (EF's change tracker is far too slow for hundreds of
/// thousands of rows), and a store built once per machine and reused, since benchmarks run in several processes.
/// </summary>
internal sealed class BulkCounts : IAsyncDisposable
{
    private readonly DbCommand _insert;
    private readonly DbParameter _revision;
    private readonly DbParameter _area;
    private readonly DbParameter _registrations;

    private BulkCounts(DbCommand insert)
    {
        _insert = insert;
        _revision = Parameter("$revision");
        _area = Parameter("$area");
        _registrations = Parameter("$registrations");
    }

    /// <summary>A prepared insert on <paramref name="db"/>'s connection, in <paramref name="transaction"/>.</summary>
    public static async Task<BulkCounts> PrepareAsync(AppDbContext db, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var insert = db.Database.GetDbConnection().CreateCommand();
        insert.Transaction = transaction.GetDbTransaction();
        insert.CommandText = "INSERT INTO SnapshotCounts (RevisionId, AreaId, Registrations) VALUES ($revision, $area, $registrations)";
        var counts = new BulkCounts(insert);
        await insert.PrepareAsync(cancellationToken);
        return counts;
    }

    /// <summary>Inserts one count: <paramref name="registrations"/> of area <paramref name="area"/> in revision <paramref name="revision"/>.</summary>
    public async Task AddAsync(long revision, long area, long registrations, CancellationToken cancellationToken)
    {
        _revision.Value = revision;
        _area.Value = area;
        _registrations.Value = registrations;
        await _insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _insert.DisposeAsync();

    /// <summary>
    /// The path of the store <paramref name="fileName"/> in the machine's scale folder, filled by <paramref name="fill"/>
    /// (given a connection string) the first time and reused after (per schema); built under a temporary name so that a
    /// half-built store is never read.
    /// </summary>
    public static string EnsureStore(string fileName, Func<string, Task> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        // One folder per schema (its newest migration): a store built by an older build is never read by a newer one.
        using var schema = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        var folder = Path.Combine(Path.GetTempPath(), "bluezone-bench-scale", schema.Database.GetMigrations().Last());
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        if (File.Exists(path))
        {
            return path;
        }

        var building = path + $".{Environment.ProcessId}.tmp";
        fill($"Data Source={building}").GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        File.Move(building, path, overwrite: true);
        return path;
    }

    private DbParameter Parameter(string name)
    {
        var parameter = _insert.CreateParameter();
        parameter.ParameterName = name;
        _insert.Parameters.Add(parameter);
        return parameter;
    }
}
