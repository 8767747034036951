using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace BluezoneTracker.Benchmarks;

/// <summary>Adds a "File bytes" column: the size of the file a benchmark writes (recorded in its setup).</summary>
public sealed class FileSizeConfig : ManualConfig
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "bluezone-bench-sizes");

    public FileSizeConfig() => AddColumn(new FileSizeColumn());

    /// <summary>Benchmarks run in a child process, so sizes travel through small files.</summary>
    public static void Record(string key, long bytes)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, Name(key)), bytes.ToString(CultureInfo.InvariantCulture));
    }

    private static string Name(string key) => string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')) + ".txt";

    private sealed class FileSizeColumn : IColumn
    {
        private static readonly ConcurrentDictionary<string, string> Cache = new();

        public string Id => "FileBytes";

        public string ColumnName => "File bytes";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Size;

        public string Legend => "Size of the file the benchmark writes";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var key = $"{benchmarkCase.Descriptor.WorkloadMethod.Name}/{benchmarkCase.Parameters["Table"]}";
            return Cache.GetOrAdd(key, k =>
            {
                var path = Path.Combine(Folder, Name(k));
                return File.Exists(path) ? File.ReadAllText(path) : "?";
            });
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
