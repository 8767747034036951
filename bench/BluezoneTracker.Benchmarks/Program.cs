using System.Globalization;
using BenchmarkDotNet.Running;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// Runs the benchmarks, e.g. <c>dotnet run -c Release --project bench/BluezoneTracker.Benchmarks -- --filter '*' --job short</c>.
/// <c>scale-store FILE DISTRICTS DAYS</c> instead writes a store at scale (see <see cref="ScaleData"/>) for bench/load/run.sh;
/// <c>tree-store FILE PROVINCES COMMUNES DAYS</c> writes a three-level tree (see <see cref="ScaleTree"/>).
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

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkRunner).Assembly).Run(args);
    }
}
