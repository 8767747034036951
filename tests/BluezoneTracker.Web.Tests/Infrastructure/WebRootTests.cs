using BluezoneTracker.Web.Infrastructure;

namespace BluezoneTracker.Web.Tests.Infrastructure;

public sealed class WebRootTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bluezone-webroot", Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_published_app_serves_the_wwwroot_beside_it()
    {
        var published = Directory.CreateDirectory(Path.Combine(_root, "app", "wwwroot")).FullName;
        Assert.Equal(published, WebRoot.Locate(Path.Combine(_root, "app"), configured: null));
    }

    [Fact]
    public void From_source_the_project_serves_the_repository_wwwroot()
    {
        var project = Directory.CreateDirectory(Path.Combine(_root, "src", "BluezoneTracker.Web")).FullName;
        var repository = Directory.CreateDirectory(Path.Combine(_root, "wwwroot")).FullName;
        Assert.Equal(repository, WebRoot.Locate(project, configured: null));
    }

    [Fact]
    public void A_missing_web_root_fails_at_start_with_a_message()
    {
        var project = Directory.CreateDirectory(Path.Combine(_root, "nowhere", "x", "y")).FullName;
        var error = Assert.Throws<DirectoryNotFoundException>(() => WebRoot.Locate(project, configured: null));
        Assert.Contains("WebRoot", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
