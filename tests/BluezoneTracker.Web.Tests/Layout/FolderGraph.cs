using System.Reflection;
using NetArchTest.Rules;

namespace BluezoneTracker.Web.Tests.Layout;

/// <summary>
/// The web app's folders and which depends on which, computed from the compiled assembly: a folder is a
/// top-level namespace under <c>BluezoneTracker.Web</c> (<c>Scope</c>, <c>Data</c>, …), and under
/// <c>BluezoneTracker.Web.Pages</c> each page folder is one (<c>Pages.Dashboard</c>, <c>Pages.Admin</c>; the
/// pages directly in Pages/ are <c>Pages</c>). Folder A depends on folder B when a type of A uses a type of B
/// anywhere — signatures, fields, attributes, method bodies — as NetArchTest reads the IL.
/// See docs/decisions/060-layout-by-feature.md.
/// </summary>
public sealed class FolderGraph
{
    public const string Root = "BluezoneTracker.Web";
    private const string PagesRoot = Root + ".Pages";

    private FolderGraph(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> edges) => Edges = edges;

    /// <summary>Folder → the folders it uses → the types of the first folder that do (full names, sorted).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Edges { get; }

    public IEnumerable<string> Folders => Edges.Keys;

    /// <summary>A graph given edge by edge (to test the cycle search itself).</summary>
    public static FolderGraph From(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> edges) => new(edges);

    /// <summary>The folder a namespace belongs to, or null outside the web app's own namespaces.</summary>
    public static string? FolderOf(string? ns)
    {
        if (ns is null || !(ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal)))
        {
            return null;
        }

        if (ns == Root)
        {
            return Root;
        }

        var parts = ns[(Root.Length + 1)..].Split('.');
        return parts[0] == "Pages" && parts.Length > 1 ? "Pages." + parts[1] : parts[0];
    }

    public static bool IsPages(string folder) => folder == "Pages" || folder.StartsWith("Pages.", StringComparison.Ordinal);

    public static FolderGraph Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var all = Types.InAssembly(assembly).GetTypes().ToList();
        var folderOfType = all
            .Select(t => (Type: t, Folder: FolderOf(NamespaceOf(t.ReflectionType))))
            .Where(t => t.Folder is not null)
            .ToList();

        var edges = folderOfType.Select(t => t.Folder!).Distinct(StringComparer.Ordinal)
            .ToDictionary(f => f, _ => new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal), StringComparer.Ordinal);

        foreach (var target in edges.Keys.ToList())
        {
            // NetArchTest matches a dependency by whole namespace segments ("X.Data" matches X.Data.Entities.Y,
            // never X.DataVersion); the folders "Pages" and the root would match the folders below them, so
            // their own types are named instead.
            var names = target is "Pages" or Root
                ? folderOfType.Where(t => t.Folder == target && !t.Type.ReflectionType.IsNested).Select(t => t.Type.FullName).ToArray()
                : [Root + "." + target];
            var users = Types.InAssembly(assembly).That().HaveDependencyOnAny(names).GetTypes();
            foreach (var user in users)
            {
                var source = FolderOf(NamespaceOf(user.ReflectionType));
                if (source is null || source == target)
                {
                    continue;
                }

                if (!edges[source].TryGetValue(target, out var by))
                {
                    edges[source][target] = by = new SortedSet<string>(StringComparer.Ordinal);
                }

                by.Add(user.ReflectionType.FullName ?? user.FullName);
            }
        }

        return new FolderGraph(edges.ToDictionary(
            e => e.Key,
            e => (IReadOnlyDictionary<string, IReadOnlyList<string>>)e.Value.ToDictionary(d => d.Key, d => (IReadOnlyList<string>)d.Value.ToList(), StringComparer.Ordinal),
            StringComparer.Ordinal));
    }

    /// <summary>
    /// Every cycle's strongly connected group of folders (Tarjan), each with one concrete cycle through it,
    /// e.g. ["Scope", "Accounts", "Scope"].
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var groups = new List<HashSet<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in Edges[v].Keys.Order(StringComparer.Ordinal))
            {
                if (!index.TryGetValue(w, out var seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }

            if (low[v] == index[v])
            {
                var group = new HashSet<string>(StringComparer.Ordinal);
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    group.Add(w);
                }
                while (w != v);
                if (group.Count > 1)
                {
                    groups.Add(group);
                }
            }
        }

        foreach (var folder in Edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(folder))
            {
                Visit(folder);
            }
        }

        return groups.Select(ShortestCycle).ToList();
    }

    /// <summary>"Accounts → Scope → Accounts" and one line per step with the types that make it.</summary>
    public string Describe(IReadOnlyList<string> cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var steps = cycle.Zip(cycle.Skip(1), (from, to) => $"  {from} → {to}: {string.Join(", ", Edges[from][to].Take(3))}{(Edges[from][to].Count > 3 ? ", …" : string.Empty)}");
        return string.Join(" → ", cycle) + Environment.NewLine + string.Join(Environment.NewLine, steps);
    }

    // The shortest cycle through the group's first folder (breadth-first inside the group), so the message names few folders.
    private List<string> ShortestCycle(HashSet<string> group)
    {
        var start = group.Order(StringComparer.Ordinal).First();
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var w in Edges[v].Keys.Where(group.Contains).Order(StringComparer.Ordinal))
            {
                if (w == start)
                {
                    var path = new List<string> { start };
                    for (var at = v; at != start; at = parent[at])
                    {
                        path.Add(at);
                    }

                    path.Add(start);
                    path.Reverse();
                    return path;
                }

                if (!parent.ContainsKey(w))
                {
                    parent[w] = v;
                    queue.Enqueue(w);
                }
            }
        }

        throw new InvalidOperationException("A strongly connected group always has a cycle through each of its folders.");
    }

    private static string? NamespaceOf(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace;
    }
}
