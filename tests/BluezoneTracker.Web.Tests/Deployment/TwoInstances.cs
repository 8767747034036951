using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Deployment;

/// <summary>
/// Two processes of the real app (<c>dotnet BluezoneTracker.Web.dll</c>, as bench/two-instances/run.sh runs the
/// published one) over one store, on two loopback ports, and Debian's nginx round-robin in front with the
/// directives of deploy/nginx/bluezone-proxy.conf. Every process is killed on dispose.
/// The store is a SQLite file of its own unless the environment names another (<c>Store__Provider</c>).
/// </summary>
public sealed partial class TwoInstances : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bluezone-two-").FullName;
    private readonly List<Process> _processes = [];
    private readonly StringBuilder _log = new();

    public Uri A { get; private set; } = null!;

    public Uri B { get; private set; } = null!;

    public Uri Proxy { get; private set; } = null!;

    /// <summary>nginx's access log: one line "upstream-address status path" per request.</summary>
    public string AccessLog => Path.Combine(_folder, "nginx", "access.log");

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        A = new Uri($"http://127.0.0.1:{FreePort()}");
        B = new Uri($"http://127.0.0.1:{FreePort()}");
        Proxy = new Uri($"http://127.0.0.1:{FreePort()}");

        // A first: it migrates and seeds; B then finds the store ready, as the compose file orders them.
        await StartAppAsync("A", A);
        await StartAppAsync("B", B);
        await StartNginxAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Process Start(string name, ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start)!;
        _processes.Add(process);
        void Keep(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (_log)
                {
                    _log.Append(name).Append(": ").AppendLine(e.Data);
                }
            }
        }

        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task StartAppAsync(string name, Uri url)
    {
        var web = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(web)! };
        foreach (var arg in new[]
                 {
                     web, "--urls", url.ToString().TrimEnd('/'),
                     "--ConnectionStrings:Default", $"Data Source={Path.Combine(_folder, "bluezone.db")}",
                     "--RateLimits:SignInPerMinute", BluezoneAppFactory.NoRateLimit, "--RateLimits:ApiPerMinute", BluezoneAppFactory.NoRateLimit,
                 })
        {
            start.ArgumentList.Add(arg);
        }

        // "Testing": the production pipeline's checks with the demo accounts (never created in Production).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Start(name, start);
        await WaitReadyAsync(name, url, process);
    }

    private async Task WaitReadyAsync(string name, Uri url, Process? process)
    {
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}:\n{Log}");
            }

            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{name} was not ready at {url} within 90 s:\n{Log}");
    }

    private async Task StartNginxAsync()
    {
        var folder = Path.Combine(_folder, "nginx");
        Directory.CreateDirectory(folder);

        // nginx's workers run as "nobody" when started by root: they must reach their temp folders.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }
        // The upstream's server parameters and keepalive are the compose file's nginx's (deploy/nginx/nginx.conf):
        // what is proven here is what is deployed; only the addresses differ.
        var deployed = await File.ReadAllTextAsync(Repository.PathOf("deploy", "nginx", "nginx.conf"));
        var serverParameters = DeployedServer().Match(deployed).Groups[1].Value;
        var keepalive = DeployedKeepalive().Match(deployed).Groups[1].Value;
        if (serverParameters.Length == 0 || keepalive.Length == 0)
        {
            throw new InvalidOperationException("deploy/nginx/nginx.conf has no \"server web:8080 …;\" or \"keepalive N;\" line in its upstream");
        }

        var conf = $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                log_format upstream '$upstream_addr $status $request_uri';
                access_log {{folder}}/access.log upstream;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                upstream bluezone {
                    server {{A.Authority}} {{serverParameters}};
                    server {{B.Authority}} {{serverParameters}};
                    {{keepalive}};
                }
                server {
                    listen {{Proxy.Authority}};
                    location / {
                        proxy_pass http://bluezone;
                        include {{Repository.PathOf("deploy", "nginx", "bluezone-proxy.conf")}};
                    }
                }
            }
            """;
        var file = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(file, conf);
        var start = new ProcessStartInfo(Tool.Locate("nginx"));
        foreach (var arg in new[] { "-p", folder, "-c", file, "-e", Path.Combine(folder, "error.log") })
        {
            start.ArgumentList.Add(arg);
        }

        var nginx = Start("nginx", start);
        await WaitReadyAsync("nginx", Proxy, nginx);
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"^\s*server web:8080 ([^;]+);", RegexOptions.Multiline)]
    private static partial Regex DeployedServer();

    [GeneratedRegex(@"^\s*(keepalive \d+);", RegexOptions.Multiline)]
    private static partial Regex DeployedKeepalive();
}
