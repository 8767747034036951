using System.Globalization;
using System.Text.RegularExpressions;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Snapshots;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Tests.Localization;

public sealed partial class TranslationTests
{
    [GeneratedRegex("""(?:\bT|localizer)\[\s*"((?:[^"\\]|\\.)*)" """, RegexOptions.Singleline)]
    private static partial Regex LocalizedKey();

    [Fact]
    public void Every_UI_text_in_the_source_has_an_English_translation()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var english = factory.Create(typeof(SharedResource));
        var source = Path.Combine(RepositoryRoot(), "src");
        var missing = new List<string>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            foreach (var file in Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                foreach (Match match in LocalizedKey().Matches(File.ReadAllText(file)))
                {
                    var key = match.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal);
                    if (english[key].ResourceNotFound)
                    {
                        missing.Add($"{Path.GetFileName(file)}: {key}");
                    }
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        Assert.True(missing.Count == 0, "No English for (add with tools/resx.py):\n" + string.Join('\n', missing.Distinct()));
    }

    [Fact]
    public void No_two_translation_keys_differ_only_in_case()
    {
        // The resource compiler drops such a key with only a warning, and its English silently goes.
        var resx = Path.Combine(RepositoryRoot(), "src", "BluezoneTracker.Web", "Localization", "SharedResource.en.resx");
        var keys = System.Xml.Linq.XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
        var clashes = keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Keys that clash ignoring case:\n" + string.Join('\n', clashes));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BluezoneTracker.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Repository root not found.");
    }
}
