using System.Diagnostics;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>The real <c>import</c> verb in a process of its own (<c>dotnet BluezoneTracker.Web.dll import …</c>), as a scheduled job runs it.</summary>
public static class ImportProcess
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(string databasePath, params string[] args)
    {
        var web = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(web);
        start.ArgumentList.Add("import");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--ConnectionStrings:Default");
        start.ArgumentList.Add($"Data Source={databasePath}");
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
