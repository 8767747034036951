using BenchmarkDotNet.Attributes;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Web.Scope;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// The scope's children of the request's area (<see cref="AreaDirectory.ChildrenOf"/>), asked several times by every
/// cold page — the area's wording for each warning sentence and its hint, the annex notes, the layout's table link
/// (docs/decisions/130). Before: sorted by comparing names with the culture on every call. Now: sorted once per
/// directory with collation keys (the directory lives for a catalog version), then the same list on every call.
/// </summary>
[MemoryDiagnoser]
public class AreaDirectoryBenchmarks
{
    private AreaDirectory _directory = null!;
    private List<AreaNode> _nodes = null!;

    /// <summary>Children of one area: a province (12), a ministry (700 districts), a province's communes at national scale (10 000).</summary>
    [Params(12, 700, 10_000)]
    public int Children { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(13);
        string[] kinds = ["Xã", "Phường", "Thị trấn"];
        _nodes = [new AreaNode(1, "P", "Tỉnh P", AreaKind.Province, null), .. Enumerable.Range(0, Children)
            .Select(i => new AreaNode(i + 2, $"{i:D5}", $"{kinds[i % 3]} {ScaleName(random)}", AreaKind.Commune, "P"))];
        _directory = new AreaDirectory(_nodes);
        _directory.ChildrenOf("P");
    }

    private static string ScaleName(Random random)
    {
        string[] syllables = ["Chiềng", "Mường", "Sơn", "La", "Đông", "Yên", "Châu", "Mộc", "Phù", "Ít", "Ong", "Tà", "Xùa", "Nà", "Bó"];
        return $"{syllables[random.Next(syllables.Length)]} {syllables[random.Next(syllables.Length)]} {random.Next(100)}";
    }

    /// <summary>One call as before: every child compared by name with the culture, the kind prefix stripped on each comparison.</summary>
    [Benchmark(Baseline = true)]
    public int Sorted_on_every_call() =>
        // Materialized as the old ChildrenOf did: Count() on an ordered sequence alone would skip the sort.
        _nodes.Where(n => n.ParentCode == "P").Order(Comparer<AreaNode>.Create((a, b) => AreaOrder.CompareNames(a.Name, b.Name))).ToList().Count;

    /// <summary>The first call on a new directory (once per catalog version): building it and sorting with keys.</summary>
    [Benchmark]
    public int First_call_of_a_directory() => new AreaDirectory(_nodes).ChildrenOf("P").Count;

    /// <summary>Every later call: the kept list.</summary>
    [Benchmark]
    public int Later_call() => _directory.ChildrenOf("P").Count;
}
