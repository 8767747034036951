using BenchmarkDotNet.Running;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// Runs the benchmarks (one file per feature):
/// <c>dotnet run -c Release --project bench/BluezoneTracker.Benchmarks -- --filter '*' --job short</c>.
/// </summary>
public static class BenchmarkEntry
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}
