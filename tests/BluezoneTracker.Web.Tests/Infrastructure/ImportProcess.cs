using System.Diagnostics;
using BluezoneTracker.Web.Data;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>The real <c>import</c> verb in a process of its own (<c>dotnet BluezoneTracker.Web.dll import …</c>), as a scheduled job runs it.</summary>
public static class ImportProcess
{
    /// <summary>Runs the verb against the store of <paramref name="factory"/> (its SQLite file or its PostgreSQL database).</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(BluezoneAppFactory factory, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(factory);
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
        start.ArgumentList.Add($"Data Source={factory.DatabasePath}");
        if (factory.Engine == StoreEngine.Postgres)
        {
            start.ArgumentList.Add("--" + StoreProvider.ProviderKey);
            start.ArgumentList.Add(nameof(StoreEngine.Postgres));
            start.ArgumentList.Add("--ConnectionStrings:" + StoreProvider.PostgresConnectionName);
            start.ArgumentList.Add(factory.PostgresConnectionString);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
