using System.Globalization;
using BenchmarkDotNet.Running;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// Runs the benchmarks, e.g. <c>dotnet run -c Release --project bench/BluezoneTracker.Benchmarks -- --filter '*' --job short</c>.
/// <c>scale-store FILE DISTRICTS DAYS</c> instead writes a store at scale (see <see cref="ScaleData"/>) for bench/load/run.sh.
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

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkRunner).Assembly).Run(args);
    }
}
