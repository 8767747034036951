using System.Diagnostics;
using BluezoneTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// The scale stores over either provider, for benchmarks that compare SQLite and PostgreSQL side by side
/// (issue #12 point 8). SQLite: a file per shape in the machine's temp folder. PostgreSQL: a database per shape
/// on the server named by <see cref="PostgresVariable"/>; when that variable is unset, <see cref="BenchmarkRunner"/>
/// starts a throw-away server with <c>tools/test-postgres.sh</c> for the run and stops it at the end.
/// </summary>
internal static class BenchStores
{
    /// <summary>The environment variable holding the connection string of a PostgreSQL server whose role may create databases.</summary>
    public const string PostgresVariable = "BLUEZONE_BENCH_POSTGRES";

    /// <summary>
    /// A factory of contexts over the store of <paramref name="shape"/> on <paramref name="engine"/>, filled the first
    /// time (by <see cref="ScaleData.FillAsync(AppDbContext, ScaleShape, CancellationToken)"/>) and reused after.
    /// The PostgreSQL context is the app's <see cref="PostgresAppDbContext"/> with the app's connection options.
    /// </summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is asked for but <see cref="PostgresVariable"/> is unset.</exception>
    public static Func<AppDbContext> Context(StoreEngine engine, ScaleShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var name = $"{shape.Root.Code}-{shape.Children.Count}x{shape.Days}";
        if (engine == StoreEngine.Postgres)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException(
                    $"{PostgresVariable} is unset: start a server with tools/test-postgres.sh start DIR and export the connection string it prints.");
            }

            var connection = BulkCounts.EnsurePostgresStoreAsync(server, "scale_" + name.Replace('-', '_').ToLowerInvariant(),
                async c =>
                {
                    await using var db = Postgres(c);
                    await ScaleData.FillAsync(db, shape);
                }).GetAwaiter().GetResult();
            var postgresOptions = PostgresOptions(connection);
            return () => new PostgresAppDbContext(postgresOptions);
        }

        var path = SqlitePath(shape);
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}").Options;
        return () => new AppDbContext(options);
    }

    /// <summary>The path of the SQLite store of <paramref name="shape"/>, written once and reused (<see cref="BulkCounts.EnsureStore"/>).</summary>
    public static string SqlitePath(ScaleShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return BulkCounts.EnsureStore($"{shape.Root.Code}-{shape.Children.Count}x{shape.Days}.db", c => ScaleData.FillAsync(c, shape));
    }

    /// <summary>A context over the PostgreSQL database of <paramref name="connectionString"/>, configured as the app does.</summary>
    public static PostgresAppDbContext Postgres(string connectionString) => new(PostgresOptions(connectionString));

    /// <summary>Options over the PostgreSQL database of <paramref name="connectionString"/>, configured as the app does (built once per store, as the app's are).</summary>
    private static DbContextOptions<PostgresAppDbContext> PostgresOptions(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        StoreProvider.UsePostgres(options, StoreProvider.PostgresConnectionString(connectionString));
        return options.Options;
    }

    /// <summary>Fills the (empty) PostgreSQL database of <paramref name="connectionString"/> with <paramref name="shape"/>, then vacuums and analyses it.</summary>
    public static async Task FillPostgresAsync(string connectionString, ScaleShape shape)
    {
        await using (var db = Postgres(connectionString))
        {
            await ScaleData.FillAsync(db, shape);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var analyse = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 };
        await analyse.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Starts a throw-away PostgreSQL server with <c>tools/test-postgres.sh start</c> when <see cref="PostgresVariable"/>
    /// is unset and the script and server are found, and sets the variable for the benchmark processes (they inherit it).
    /// Returns the stop action, or null when nothing was started.
    /// </summary>
    public static Func<Task>? StartPostgresIfNeeded()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)))
        {
            return null;
        }

        var script = FindUp(Path.Combine("tools", "test-postgres.sh"));
        if (script is null || !Directory.Exists("/usr/lib/postgresql"))
        {
            Console.Error.WriteLine($"No PostgreSQL server for the Postgres cases: set {PostgresVariable} or install postgresql.");
            return null;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"bluezone-bench-pg-{Environment.ProcessId}");
        var connection = Run(script, "start", folder).Trim();
        Environment.SetEnvironmentVariable(PostgresVariable, connection);
        Console.Error.WriteLine($"PostgreSQL for the benchmarks: {connection}");
        return () =>
        {
            Run(script, "stop", folder);
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        };
    }

    private static string Run(string script, string action, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script, action, folder]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{script} {action} failed ({process.ExitCode}).");
    }

    private static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
