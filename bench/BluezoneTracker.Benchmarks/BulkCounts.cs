using System.Data.Common;
using BluezoneTracker.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// What the scale stores (<see cref="ScaleData"/>, <see cref="ScaleTree"/>) share: the SnapshotCounts rows written in
/// bulk inside the filling transaction (EF's change tracker is far too slow for hundreds of thousands of rows) — on
/// SQLite one prepared INSERT, on PostgreSQL one binary COPY — and a store built once per machine (SQLite file) or
/// per server (PostgreSQL database) and reused, since benchmarks run in several processes.
/// Call <see cref="CompleteAsync"/> before committing the transaction.
/// </summary>
internal sealed class BulkCounts : IAsyncDisposable
{
    private readonly DbCommand? _insert;
    private readonly DbParameter? _revision;
    private readonly DbParameter? _area;
    private readonly DbParameter? _registrations;
    private readonly NpgsqlBinaryImporter? _copy;

    private BulkCounts(DbCommand insert)
    {
        _insert = insert;
        _revision = Parameter(insert, "$revision");
        _area = Parameter(insert, "$area");
        _registrations = Parameter(insert, "$registrations");
    }

    private BulkCounts(NpgsqlBinaryImporter copy) => _copy = copy;

    /// <summary>A bulk writer on <paramref name="db"/>'s connection, in <paramref name="transaction"/>: a prepared insert (SQLite) or a binary COPY (PostgreSQL).</summary>
    public static async Task<BulkCounts> PrepareAsync(AppDbContext db, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(transaction);
        if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
        {
            // COPY runs in the connection's open transaction: the counts commit with the areas and revisions.
            return new BulkCounts(await npgsql.BeginBinaryImportAsync(
                "COPY \"SnapshotCounts\" (\"RevisionId\", \"AreaId\", \"Registrations\") FROM STDIN (FORMAT BINARY)", cancellationToken));
        }

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
        if (_copy is not null)
        {
            await _copy.StartRowAsync(cancellationToken);
            await _copy.WriteAsync(revision, NpgsqlDbType.Bigint, cancellationToken);
            await _copy.WriteAsync(checked((int)area), NpgsqlDbType.Integer, cancellationToken);
            await _copy.WriteAsync(registrations, NpgsqlDbType.Bigint, cancellationToken);
            return;
        }

        _revision!.Value = revision;
        _area!.Value = area;
        _registrations!.Value = registrations;
        await _insert!.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Ends the bulk write (PostgreSQL: finishes the COPY, which must happen before the commit).</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_copy is not null)
        {
            // Complete sends the end of the data; only closing the importer gives the connection back for the commit.
            await _copy.CompleteAsync(cancellationToken);
            await _copy.CloseAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
        }

        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
    }

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

    /// <summary>
    /// The connection string of the database <paramref name="database"/> on the PostgreSQL server of
    /// <paramref name="serverConnectionString"/> (whose role may create databases), filled by <paramref name="fill"/>
    /// the first time and reused after. Built under a temporary name and renamed when whole, then vacuumed and
    /// analysed — what autovacuum does to a table after a bulk load (the throw-away test server runs without it).
    /// </summary>
    public static async Task<string> EnsurePostgresStoreAsync(string serverConnectionString, string database, Func<string, Task> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        var target = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database };
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", admin) { Parameters = { new() { Value = database } } };
            if ((long)(await exists.ExecuteScalarAsync())! > 0)
            {
                return target.ConnectionString;
            }

            var building = $"{database}_{Environment.ProcessId}";
            await using (var create = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{building}\"; CREATE DATABASE \"{building}\"", admin))
            {
                await create.ExecuteNonQueryAsync();
            }

            var buildingConnection = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = building, Pooling = false }.ConnectionString;
            await fill(buildingConnection);
            await using (var vacuum = new NpgsqlConnection(buildingConnection))
            {
                await vacuum.OpenAsync();
                await using var analyse = new NpgsqlCommand("VACUUM ANALYZE", vacuum) { CommandTimeout = 600 };
                await analyse.ExecuteNonQueryAsync();
            }

            await using var rename = new NpgsqlCommand($"ALTER DATABASE \"{building}\" RENAME TO \"{database}\"", admin);
            await rename.ExecuteNonQueryAsync();
        }

        return target.ConnectionString;
    }

    private static DbParameter Parameter(DbCommand insert, string name)
    {
        var parameter = insert.CreateParameter();
        parameter.ParameterName = name;
        insert.Parameters.Add(parameter);
        return parameter;
    }
}
