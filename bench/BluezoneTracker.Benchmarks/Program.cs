using BenchmarkDotNet.Running;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// Runs the benchmarks, e.g. <c>dotnet run -c Release --project bench/BluezoneTracker.Benchmarks -- --filter '*' --job short</c>.
/// Not top-level statements: their implicit Program would clash with the web app's public Program.
/// </summary>
public static class BenchmarkRunner
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkRunner).Assembly).Run(args);
}
