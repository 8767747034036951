namespace BluezoneTracker.Web.Tests.Layout;

/// <summary>
/// The folders of the web app depend on each other without a cycle, and no feature folder uses a page
/// (docs/decisions/060-layout-by-feature.md): a folder can be read, changed and tested knowing only the
/// folders it uses. Computed from the compiled assembly, so a type added later is checked without editing this.
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly Lazy<FolderGraph> Graph = new(() => FolderGraph.Of(typeof(Program).Assembly));

    [Fact]
    public void Folders_have_no_dependency_cycle()
    {
        var cycles = Graph.Value.Cycles();

        Assert.True(cycles.Count == 0, "Folders that depend on each other in a cycle (move the type to the folder that owns its concept):"
            + Environment.NewLine + string.Join(Environment.NewLine, cycles.Select(Graph.Value.Describe)));
    }

    [Fact]
    public void Feature_folders_never_use_pages()
    {
        var wrong = Graph.Value.Edges
            .Where(e => !FolderGraph.IsPages(e.Key))
            .SelectMany(e => e.Value.Where(d => FolderGraph.IsPages(d.Key)).Select(d => $"{e.Key} → {d.Key}: {string.Join(", ", d.Value)}"))
            .ToList();

        Assert.True(wrong.Count == 0, "Feature folders that use a page folder:" + Environment.NewLine + string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void The_graph_sees_the_dependencies_that_exist()
    {
        // The dashboard's page model reads figures, and the pages' views use the request's area: if these
        // edges were missing, the two tests above would pass on an empty graph.
        Assert.Contains("Figures", Graph.Value.Edges["Pages.Dashboard"].Keys);
        Assert.Contains("Scope", Graph.Value.Edges["Pages.Shared"].Keys);
        Assert.Contains("Data", Graph.Value.Edges["Figures"].Keys);
        Assert.DoesNotContain("Figures", Graph.Value.Edges["Data"].Keys);
    }

    [Fact]
    public void A_cycle_is_found_and_named()
    {
        var graph = FolderGraph.From(new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>
        {
            ["Scope"] = new Dictionary<string, IReadOnlyList<string>> { ["Accounts"] = ["Scope.AreaScope"], ["Data"] = ["Scope.AreaDirectory"] },
            ["Accounts"] = new Dictionary<string, IReadOnlyList<string>> { ["Scope"] = ["Accounts.PublicAccess"] },
            ["Data"] = new Dictionary<string, IReadOnlyList<string>>(),
        });

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal(["Accounts", "Scope", "Accounts"], cycle);
        Assert.Contains("Accounts → Scope: Accounts.PublicAccess", graph.Describe(cycle), StringComparison.Ordinal);
    }
}
