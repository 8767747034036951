using System.Diagnostics;
using System.IO.Compression;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace BluezoneTracker.Web.Tests.Security;

/// <summary>
/// Standing check (issue #15, point 10): the real <c>import</c> verb, as its own process, killed with
/// SIGKILL while it writes — five times. Afterwards SQLite's integrity check passes and each import is
/// all or nothing: a revision with every count, its file and its audit row, or no trace of it.
/// The longer run (more kills) is bench/standing/run.sh.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    // 5 in the suite; bench/standing/run.sh sets more for the longer run.
    private static readonly int Kills = Setting("BLUEZONE_CRASH_KILLS", 5);
    private readonly string _folder = Directory.CreateTempSubdirectory("bluezone-crash-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private const string ImportUser = "lich-nhap";

    [Fact]
    public async Task Killing_the_import_verb_mid_write_leaves_an_intact_store_and_whole_imports_only()
    {
        // A seeded store of its own: made by the app, then copied with its WAL while no process uses it.
        var database = Path.Combine(_folder, "bluezone.db");
        using (var factory = new SqliteFileAppFactory())
        {
            _ = factory.Services;
            SqliteConnection.ClearAllPools();
            File.Copy(factory.DatabasePath, database);
            if (File.Exists(factory.DatabasePath + "-wal"))
            {
                File.Copy(factory.DatabasePath + "-wal", database + "-wal");
            }
        }

        // The verb runs as a named Staff account, as a scheduled job does.
        await CliAccounts.EnsureAsync(database, ImportUser, Roles.Staff);

        var killedWhileWriting = 0;
        for (var i = 0; i < Kills; i++)
        {
            var date = new DateOnly(2020, 8, 18).AddDays(i * 2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            killedWhileWriting += await ImportAndKillAsync(database, date, PaddedWorkbook(i)) ? 1 : 0;
        }

        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
        var revisions = await RowsAsync(connection, """
            SELECT r.Date, (SELECT COUNT(*) FROM SnapshotCounts c WHERE c.RevisionId = r.Id), r.UploadedFileId IS NOT NULL
            FROM SnapshotRevisions r WHERE r.Date >= '2020-08-18'
            """);
        output.WriteLine($"{Kills} kills, {killedWhileWriting} after its transaction had begun writing to the WAL; {revisions.Count} imports stored whole, the others not at all");
        Assert.All(revisions, r => Assert.Equal("12", r[1]));
        Assert.All(revisions, r => Assert.Equal("1", r[2]));
        Assert.Equal(revisions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await ScalarAsync(connection, "SELECT COUNT(*) FROM AuditLog WHERE Kind = 'RevisionAdded' AND Subject >= '14 2020-08-18'"));
        Assert.Equal(revisions.Count, revisions.Select(r => r[0]).Distinct().Count());

        // The store still takes an import after the kills.
        var (exit, _) = await RunAsync(database, "2020-08-19", PaddedWorkbook(Kills), killWhenWriting: false);
        Assert.Equal(0, exit);
    }

    /// <summary>Runs the verb and kills it as soon as its transaction has spilled pages to the WAL; true when it was killed while running.</summary>
    private static async Task<bool> ImportAndKillAsync(string database, string date, string file)
    {
        var (exit, killed) = await RunAsync(database, date, file, killWhenWriting: true);
        return killed && exit != 0;
    }

    private static async Task<(int Exit, bool Killed)> RunAsync(string database, string date, string file, bool killWhenWriting)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "BluezoneTracker.Web.dll"), "import", "--user", ImportUser, "--date", date, "--file", file,
            "--ConnectionStrings:Default", $"Data Source={database}", "--Import:MaxFileBytes", "20000000",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var wal = new FileInfo(database + "-wal");
        var baseline = wal.Exists ? wal.Length : 0;
        var killed = false;
        var watch = Stopwatch.StartNew();
        while (killWhenWriting && !process.HasExited && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            wal.Refresh();
            if (wal.Exists && wal.Length > baseline + (256 * 1024))
            {
                process.Kill(entireProcessTree: true); // SIGKILL
                killed = true;
                break;
            }

            await Task.Delay(1);
        }

        await process.WaitForExitAsync();
        return (process.ExitCode, killed);
    }

    /// <summary>
    /// The template workbook with the Sơn La counts and 8 MB of random bytes in an extra part that readers
    /// ignore: storing the file spills pages to the WAL mid-transaction, which is when the test kills.
    /// Random bytes make each file its own (no reuse of a stored file).
    /// </summary>
    private string PaddedWorkbook(int n)
    {
        var path = Path.Combine(_folder, $"counts-{n}.xlsx");
        File.WriteAllBytes(path, IntakeClient.Corpus("template-numbers.xlsx"));
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        using var padding = zip.CreateEntry("docProps/padding.bin", CompressionLevel.NoCompression).Open();
        padding.Write(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8_000_000));
        return path;
    }

    internal static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static async Task<List<string[]>> RowsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)]);
        }

        return rows;
    }
}
