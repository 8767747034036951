using System.Globalization;
using BenchmarkDotNet.Running;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// Runs the benchmarks, e.g. <c>dotnet run -c Release --project bench/BluezoneTracker.Benchmarks -- --filter '*' --job short</c>;
/// the scale benchmarks' PostgreSQL cases get a throw-away server (<see cref="BenchStores.StartPostgresIfNeeded"/>).
/// <c>scale-store FILE DISTRICTS DAYS</c> instead writes a SQLite store at scale (see <see cref="ScaleData"/>) for bench/load/run.sh,
/// <c>scale-store-postgres CONNECTION DISTRICTS DAYS</c> the same into an empty PostgreSQL database.
/// <c>tree-store FILE PROVINCES COMMUNES DAYS</c> writes a three-level SQLite tree (see <see cref="ScaleTree"/>).
/// Not top-level statements: their implicit Program would clash with the web app's public Program.
/// </summary>
public static class BenchmarkRunner
{
    public static async Task Main(string[] args)
    {
        if (args is ["scale-store", var file, var districts, var days])
        {
            var shape = ScaleData.Ministry(int.Parse(districts, CultureInfo.InvariantCulture), int.Parse(days, CultureInfo.InvariantCulture));
            await ScaleData.FillAsync($"Data Source={Path.GetFullPath(file)}", shape);
            await Console.Out.WriteLineAsync($"{file}: {shape}");
            return;
        }

        if (args is ["tree-store", var treeFile, var provinces, var communes, var treeDays])
        {
            var tree = ScaleTree.Of(int.Parse(provinces, CultureInfo.InvariantCulture), int.Parse(communes, CultureInfo.InvariantCulture), int.Parse(treeDays, CultureInfo.InvariantCulture));
            await ScaleTree.FillAsync($"Data Source={Path.GetFullPath(treeFile)}", tree);
            await Console.Out.WriteLineAsync($"{treeFile}: {tree.Provinces.Count} provinces, {tree.CommuneCount} communes, {tree.Days} days");
            return;
        }

        if (args is ["scale-store-postgres", var connection, var pgDistricts, var pgDays])
        {
            var shape = ScaleData.Ministry(int.Parse(pgDistricts, CultureInfo.InvariantCulture), int.Parse(pgDays, CultureInfo.InvariantCulture));
            await BenchStores.FillPostgresAsync(connection, shape);
            await Console.Out.WriteLineAsync($"PostgreSQL: {shape}");
            return;
        }

        // Only the scale benchmarks read PostgreSQL; other runs do not start a server.
        var stop = args.Any(a => a.Contains("Scale", StringComparison.OrdinalIgnoreCase) || a is "*")
            ? BenchStores.StartPostgresIfNeeded() : null;
        try
        {
            BenchmarkSwitcher.FromAssembly(typeof(BenchmarkRunner).Assembly).Run(args);
        }
        finally
        {
            if (stop is not null)
            {
                await stop();
            }
        }
    }
}
