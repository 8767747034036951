using System.Text;
using System.Text.RegularExpressions;
using BluezoneTracker.Web.Tests.Deployment;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// The layout links Bootstrap trimmed to the rules our sources can use (tools/bootstrap-trim, decision 110). A page
/// given a Bootstrap class after the last trim would silently lose its look: every rule of the full Bootstrap whose
/// classes, elements and attributes all appear as words in our views, C# or scripts must be in the trimmed file
/// (PurgeCSS's own criterion, checked without node).
/// </summary>
public sealed partial class BootstrapTrimTests
{
    private static readonly string Full = Repository.PathOf("wwwroot", "lib", "bootstrap", "dist", "css", "bootstrap.min.css");
    private static readonly string Trimmed = Repository.PathOf("wwwroot", "lib", "bootstrap", "dist", "css", "bootstrap.used.min.css");

    [Fact]
    public void Every_Bootstrap_rule_our_sources_can_use_is_in_the_trimmed_file()
    {
        var words = SourceWords();
        var kept = Selectors(File.ReadAllText(Trimmed)).ToHashSet(StringComparer.Ordinal);
        var missing = Selectors(File.ReadAllText(Full))
            .Where(s => ClassName().IsMatch(s) && Identifiers(s).All(words.Contains))
            .Where(s => !kept.Contains(s))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0,
            "Re-run tools/bootstrap-trim (npm ci && node trim.mjs): the trimmed Bootstrap lacks " + string.Join(" ", missing.Take(20)));
    }

    [Fact]
    public void The_trimmed_file_is_far_smaller_and_still_holds_the_layouts_classes()
    {
        var trimmed = File.ReadAllText(Trimmed);
        Assert.True(trimmed.Length * 3 < new FileInfo(Full).Length, $"trimmed {trimmed.Length} bytes");
        var selectors = Selectors(trimmed).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(".navbar-collapse", selectors);
        Assert.Contains(".table", selectors);
        Assert.Contains(".btn", selectors);
        Assert.DoesNotContain(".carousel", selectors);
    }

    [Fact]
    public void The_layout_links_the_trimmed_Bootstrap()
    {
        var layout = File.ReadAllText(Repository.PathOf("src", "BluezoneTracker.Web", "Pages", "Shared", "_Layout.cshtml"));
        Assert.Contains("~/lib/bootstrap/dist/css/bootstrap.used.min.css", layout, StringComparison.Ordinal);
        Assert.DoesNotContain("bootstrap.min.css", layout, StringComparison.Ordinal);
    }

    /// <summary>A selector's class, element and attribute names and values, without pseudo-classes (":hover", "::after").</summary>
    private static IEnumerable<string> Identifiers(string selector) =>
        Identifier().Matches(Pseudo().Replace(selector, " ")).Select(m => m.Value);

    /// <summary>Every word (letters, digits, '-', '_') of the files the trim reads: a class name written anywhere survives.</summary>
    private static HashSet<string> SourceWords()
    {
        var web = Repository.PathOf("src", "BluezoneTracker.Web");
        var files = Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Repository.PathOf("wwwroot", "js"), "*.js"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (Match m in Word().Matches(File.ReadAllText(file)))
            {
                words.Add(m.Value);
            }
        }

        return words;
    }

    /// <summary>The single selectors of every style rule (innermost blocks, inside @media too), split at top-level commas.</summary>
    private static IEnumerable<string> Selectors(string css)
    {
        css = Comment().Replace(css, string.Empty);
        foreach (Match rule in Rule().Matches(css))
        {
            var list = rule.Groups[1].Value;
            var depth = 0;
            var current = new StringBuilder();
            foreach (var c in list)
            {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (c == ',' && depth == 0)
                {
                    yield return current.ToString().Trim();
                    current.Clear();
                }
                else
                {
                    current.Append(c);
                }
            }

            yield return current.ToString().Trim();
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9_-]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"::?[A-Za-z-]+")]
    private static partial Regex Pseudo();

    [GeneratedRegex(@"[A-Za-z_-][A-Za-z0-9_-]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\.([A-Za-z_-][A-Za-z0-9_-]*)")]
    private static partial Regex ClassName();

    [GeneratedRegex(@"([^{}]+)\{[^{}]*\}")]
    private static partial Regex Rule();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
