using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace BluezoneTracker.Web.Tests.Deployment;

/// <summary>
/// What nginx does with the deployed proxy rules (deploy/nginx/nginx.conf's upstream parameters and
/// deploy/nginx/bluezone-proxy.conf) when an instance dies mid-request or answers 503, with two small fake
/// instances standing in for the app so that each case is exact (docs/decisions/115): a GET is tried again on the
/// other instance, a POST that reached an instance is never sent to the other (an upload must not be written
/// twice), and a 503 reaches the client unretried without taking the instance out of rotation (one slow burst
/// must not turn into "no live upstreams").
/// </summary>
public sealed partial class NginxRetryTests
{
    [Fact]
    public async Task A_GET_whose_instance_died_mid_request_is_answered_by_the_other_instance()
    {
        await using var proxy = await Proxy.StartAsync(Fake.Behaviour.CloseWithoutAnswer, Fake.Behaviour.Answer200);
        using var client = proxy.Client();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(new Uri("/?n=" + i, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Round-robin sent at least one of them to the dying instance first; every one was answered by the other.
        Assert.NotEmpty(proxy.First.Received);
        Assert.Equal(4, proxy.Second.Received.Count(r => r.StartsWith("GET ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_POST_that_reached_a_dying_instance_is_answered_502_and_never_sent_to_the_other()
    {
        await using var proxy = await Proxy.StartAsync(Fake.Behaviour.CloseWithoutAnswer, Fake.Behaviour.Answer200);
        using var client = proxy.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var content = new StringContent("upload " + i, Encoding.UTF8, "text/csv");
            using var response = await client.PostAsync(new Uri("/api/snapshots/2020-08-17", UriKind.Relative), content);
            statuses.Add(response.StatusCode);
        }

        // Each upload reached exactly one instance: the dying one's are 502 (not known to be stored), the other's 200.
        var bodies = proxy.First.Received.Concat(proxy.Second.Received).Select(r => r[(r.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]).ToList();
        Assert.Equal(bodies.Count, bodies.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(4, bodies.Count);
        Assert.Equal(proxy.First.Received.Count, statuses.Count(s => s == HttpStatusCode.BadGateway));
        Assert.Equal(proxy.Second.Received.Count, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.NotEmpty(proxy.First.Received);
    }

    [Fact]
    public async Task A_503_reaches_the_client_unretried_and_leaves_the_instance_in_rotation()
    {
        await using var proxy = await Proxy.StartAsync(Fake.Behaviour.Answer503, Fake.Behaviour.Answer200);
        using var client = proxy.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await client.GetAsync(new Uri("/annex?n=" + i, UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        // Round-robin to the end: the 503 instance got its half of the requests after more than max_fails 503s,
        // and none of them was tried again on the other instance.
        Assert.Equal(6, statuses.Count(s => s == HttpStatusCode.ServiceUnavailable));
        Assert.Equal(6, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(6, proxy.First.Received.Count);
        Assert.Equal(6, proxy.Second.Received.Count);
    }

    /// <summary>nginx with the deployed upstream parameters and proxy rules in front of two fakes.</summary>
    private sealed class Proxy : IAsyncDisposable
    {
        private readonly string _folder;
        private readonly Process _nginx;

        private Proxy(string folder, Process nginx, Fake first, Fake second, Uri url)
        {
            _folder = folder;
            _nginx = nginx;
            First = first;
            Second = second;
            Url = url;
        }

        public Fake First { get; }

        public Fake Second { get; }

        public Uri Url { get; }

        public HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };

        public static async Task<Proxy> StartAsync(Fake.Behaviour first, Fake.Behaviour second)
        {
            var a = Fake.Start(first);
            var b = Fake.Start(second);
            var folder = Directory.CreateTempSubdirectory("bluezone-retry-").FullName;
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
            }

            var deployed = await File.ReadAllTextAsync(Repository.PathOf("deploy", "nginx", "nginx.conf"));
            var parameters = DeployedServer().Match(deployed).Groups[1].Value;
            var keepalive = DeployedKeepalive().Match(deployed).Groups[1].Value;
            Assert.False(parameters.Length == 0 || keepalive.Length == 0, "deploy/nginx/nginx.conf has no \"server web:8080 …;\" or \"keepalive N;\" line");
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var conf = $$"""
                daemon off;
                worker_processes 1;
                pid {{folder}}/nginx.pid;
                error_log {{folder}}/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path {{folder}}/body;
                    proxy_temp_path {{folder}}/proxy;
                    fastcgi_temp_path {{folder}}/fastcgi;
                    uwsgi_temp_path {{folder}}/uwsgi;
                    scgi_temp_path {{folder}}/scgi;
                    upstream bluezone {
                        server 127.0.0.1:{{a.Port}} {{parameters}};
                        server 127.0.0.1:{{b.Port}} {{parameters}};
                        {{keepalive}};
                    }
                    server {
                        listen 127.0.0.1:{{port}};
                        location / {
                            proxy_pass http://bluezone;
                            include {{Repository.PathOf("deploy", "nginx", "bluezone-proxy.conf")}};
                        }
                    }
                }
                """;
            var file = Path.Combine(folder, "nginx.conf");
            await File.WriteAllTextAsync(file, conf);
            var start = new ProcessStartInfo(Tool.Locate("nginx")) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { "-p", folder, "-c", file, "-e", Path.Combine(folder, "error.log") })
            {
                start.ArgumentList.Add(arg);
            }

            var nginx = Process.Start(start)!;
            var proxy = new Proxy(folder, nginx, a, b, new Uri($"http://127.0.0.1:{port}"));
            var clock = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    using var tcp = new TcpClient();
                    await tcp.ConnectAsync(IPAddress.Loopback, port);
                    return proxy;
                }
                catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(20) && !nginx.HasExited)
                {
                    await Task.Delay(50);
                }
                catch (SocketException)
                {
                    var error = nginx.HasExited ? await nginx.StandardError.ReadToEndAsync() : "not listening after 20 s";
                    await proxy.DisposeAsync();
                    throw new InvalidOperationException("nginx did not start: " + error);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_nginx.HasExited)
            {
                _nginx.Kill(entireProcessTree: true);
                await _nginx.WaitForExitAsync();
            }

            _nginx.Dispose();
            await First.DisposeAsync();
            await Second.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>
    /// A stand-in for an app instance on a loopback port: reads each whole request (headers and
    /// Content-Length body), keeps it, and answers by its behaviour.
    /// </summary>
    private sealed class Fake : IAsyncDisposable
    {
        public enum Behaviour
        {
            /// <summary>Reads the request, then closes the connection without a byte: an instance killed mid-request.</summary>
            CloseWithoutAnswer,
            Answer200,
            Answer503,
        }

        private readonly TcpListener _listener;
        private readonly Behaviour _behaviour;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private readonly ConcurrentQueue<string> _received = new();

        private Fake(TcpListener listener, Behaviour behaviour)
        {
            _listener = listener;
            _behaviour = behaviour;
            _loop = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>Every request received, whole (request line, headers, body), in order.</summary>
        public IReadOnlyList<string> Received => [.. _received];

        public static Fake Start(Behaviour behaviour)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return new Fake(listener, behaviour);
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception e) when (_stop.IsCancellationRequested && e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return; // DisposeAsync stopped the listener.
                }

                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                var buffer = new List<byte>();
                var chunk = new byte[4096];
                while (true)
                {
                    // One request per connection: read the headers, then the body its Content-Length announces.
                    int end;
                    while ((end = IndexOfBlankLine(buffer)) < 0)
                    {
                        var read = await stream.ReadAsync(chunk);
                        if (read == 0)
                        {
                            return;
                        }

                        buffer.AddRange(chunk.AsSpan(0, read));
                    }

                    var headers = Encoding.ASCII.GetString([.. buffer[..end]]);
                    var length = ContentLength().Match(headers) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
                    while (buffer.Count < end + 4 + length)
                    {
                        var read = await stream.ReadAsync(chunk);
                        if (read == 0)
                        {
                            return;
                        }

                        buffer.AddRange(chunk.AsSpan(0, read));
                    }

                    _received.Enqueue(Encoding.UTF8.GetString([.. buffer[..(end + 4 + length)]]));
                    buffer.RemoveRange(0, end + 4 + length);
                    if (_behaviour == Behaviour.CloseWithoutAnswer)
                    {
                        return;
                    }

                    var (status, body) = _behaviour == Behaviour.Answer200 ? ("200 OK", "ok") : ("503 Service Unavailable", "store unavailable");
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(
                        $"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nRetry-After: 5\r\n\r\n{body}"));
                }
            }
        }

        private static int IndexOfBlankLine(List<byte> buffer)
        {
            for (var i = 0; i + 3 < buffer.Count; i++)
            {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
                {
                    return i;
                }
            }

            return -1;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop;
            _stop.Dispose();
        }
    }

    [GeneratedRegex(@"^\s*server web:8080 ([^;]+);", RegexOptions.Multiline)]
    private static partial Regex DeployedServer();

    [GeneratedRegex(@"^\s*(keepalive \d+);", RegexOptions.Multiline)]
    private static partial Regex DeployedKeepalive();

    [GeneratedRegex(@"^Content-Length:\s*(\d+)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ContentLength();
}
