using System.Diagnostics;

namespace BluezoneTracker.Web.Tests.Deployment;

/// <summary>The repository's root folder (where BluezoneTracker.sln is), found from the test's output folder.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BluezoneTracker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BluezoneTracker.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// A command-line tool the deployment checks use (docker-compose, node, nginx), run to its end. A missing tool
/// fails the test with what to install: ./test.sh installs them on a fresh Debian machine.
/// </summary>
public static class Tool
{
    public sealed record Result(int Exit, string Output, string Error)
    {
        public string All => Output + Error;
    }

    public static async Task<Result> RunAsync(string tool, IEnumerable<string> args, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var path = Locate(tool);
        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = workingDirectory ?? Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', start.ArgumentList)} did not finish in time");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>The tool's full path on PATH (or /usr/sbin for nginx), or a failure naming the Debian package.</summary>
    public static string Locate(string tool)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/local/sbin"]);
        return folders.Select(f => Path.Combine(f, tool)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"{tool} is not installed: ./test.sh installs it (apt-get install {PackageOf(tool)}).");
    }

    private static string PackageOf(string tool) => tool switch
    {
        "node" => "nodejs npm",
        _ => tool,
    };
}
