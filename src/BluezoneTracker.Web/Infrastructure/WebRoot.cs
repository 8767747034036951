using Microsoft.Extensions.FileProviders;

namespace BluezoneTracker.Web.Infrastructure;

/// <summary>
/// The static assets live in /wwwroot at the repository root. A published app has them copied
/// next to it (content root/wwwroot); from source they are two folders up from the project.
/// `WebRoot` in configuration overrides both.
/// </summary>
internal static class WebRoot
{
    public static void UseRepositoryWebRoot(this IWebHostEnvironment environment, IConfiguration configuration)
    {
        var path = Locate(environment.ContentRootPath, configuration["WebRoot"]);
        environment.WebRootPath = path;
        environment.WebRootFileProvider = new PhysicalFileProvider(path);
    }

    internal static string Locate(string contentRoot, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        var published = Path.Combine(contentRoot, "wwwroot");
        if (Directory.Exists(published))
        {
            return published;
        }

        var repository = Path.GetFullPath(Path.Combine(contentRoot, "..", "..", "wwwroot"));
        if (Directory.Exists(repository))
        {
            return repository;
        }

        // The build output run directly (bin/Release/net10.0): the repository is further up.
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BluezoneTracker.sln")) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
            {
                return Path.Combine(dir.FullName, "wwwroot");
            }
        }

        throw new DirectoryNotFoundException(
            $"No web root: neither {published} nor {repository} exists. Set WebRoot in configuration.");
    }
}
