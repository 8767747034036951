using System.Text.RegularExpressions;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using YamlDotNet.RepresentationModel;

namespace BluezoneTracker.Web.Tests.Deployment;

/// <summary>
/// The deployment files are checked without a container engine (issue #12 point 6): docker-compose.yml is resolved
/// offline by Debian's <c>docker-compose config</c> and its services read back; the nginx configuration is checked
/// by nginx itself; the Dockerfile by tools/dockerfile-lint (dockerfile-utils' validator and our rules).
/// What cannot be checked here — building the image, starting the containers — is said in docs/readme-ops.md.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Password = "pw-" + Guid.NewGuid().ToString("N");

    /// <summary>The app's services with the replicas profile, each with a pool of its own.</summary>
    private static readonly string[] AppServices = ["web", "web2"];

    /// <summary>The resolved compose configuration, with the password from the environment as an operator would set it.</summary>
    private static async Task<YamlMappingNode> ComposeConfigAsync(params string[] profiles)
    {
        var args = new List<string> { "--project-directory", Repository.Root, "-f", Repository.PathOf("docker-compose.yml") };
        foreach (var profile in profiles)
        {
            args.AddRange(["--profile", profile]);
        }

        args.Add("config");
        var result = await Tool.RunAsync("docker-compose", args, environment: ComposeEnvironment(Password));
        Assert.True(result.Exit == 0, "docker-compose config failed: " + result.All);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(result.Output));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>Only the variables the file reads are set (or unset), so a developer's own .env or shell cannot change the outcome.</summary>
    private static Dictionary<string, string?> ComposeEnvironment(string? password) => new()
    {
        ["POSTGRES_PASSWORD"] = password,
        ["POSTGRES_DB"] = null,
        ["POSTGRES_USER"] = null,
        ["BLUEZONE_PORT"] = null,
        ["BLUEZONE_PROXY_PORT"] = null,
        ["BLUEZONE_SEED_DEMO"] = null,
        ["BLUEZONE_PG_POOL"] = null,
        ["POSTGRES_MAX_CONNECTIONS"] = null,
        ["COMPOSE_PROFILES"] = null,
        ["COMPOSE_FILE"] = null,
    };

    private static YamlMappingNode Map(YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            var mapping = Assert.IsType<YamlMappingNode>(node);
            Assert.True(mapping.Children.TryGetValue(new YamlScalarNode(key), out var child), $"no \"{key}\" in {mapping}");
            node = child;
        }

        return Assert.IsType<YamlMappingNode>(node);
    }

    private static string Scalar(YamlNode node, params string[] keys)
    {
        var parent = Map(node, keys[..^1]);
        Assert.True(parent.Children.TryGetValue(new YamlScalarNode(keys[^1]), out var child), $"no \"{keys[^1]}\" in {parent}");
        return Assert.IsType<YamlScalarNode>(child).Value!;
    }

    private static List<string> Sequence(YamlNode node, params string[] keys)
    {
        var parent = Map(node, keys[..^1]);
        Assert.True(parent.Children.TryGetValue(new YamlScalarNode(keys[^1]), out var child), $"no \"{keys[^1]}\" in {parent}");
        return Assert.IsType<YamlSequenceNode>(child).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
    }

    private static List<string> Names(YamlMappingNode mapping) => mapping.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Compose_runs_the_app_with_postgres_on_a_named_volume_and_waits_until_the_database_is_healthy()
    {
        var config = await ComposeConfigAsync();
        var services = Map(config, "services");

        // `docker-compose config` (1.29) lists every service; those without a profile are the ones `up` starts.
        var started = services.Children.Where(s => !((YamlMappingNode)s.Value).Children.ContainsKey(new YamlScalarNode("profiles")))
            .Select(s => ((YamlScalarNode)s.Key).Value!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["db", "web"], started);

        // PostgreSQL: a pinned image, its data on a named volume, a health check.
        Assert.Matches(@"^postgres:\d+", Scalar(services, "db", "image"));
        var volume = Assert.Single(Sequence(services, "db", "volumes"));
        var named = volume.Split(':')[0];
        Assert.Contains(named, Names(Map(config, "volumes")));
        Assert.EndsWith(":/var/lib/postgresql/data:rw", volume, StringComparison.Ordinal);
        Assert.Contains("pg_isready", string.Join(' ', Sequence(services, "db", "healthcheck", "test")), StringComparison.Ordinal);

        // The app: PostgreSQL through the fixed configuration names, waits for a healthy database, checked by liveness.
        Assert.Equal("service_healthy", Scalar(services, "web", "depends_on", "db", "condition"));
        Assert.Equal("Postgres", Scalar(services, "web", "environment", "Store__Provider"));
        var connection = Scalar(services, "web", "environment", "ConnectionStrings__Postgres");
        Assert.Contains("Host=db;", connection, StringComparison.Ordinal);
        Assert.Contains("Password=" + Password, connection, StringComparison.Ordinal);
        Assert.Equal(Password, Scalar(services, "db", "environment", "POSTGRES_PASSWORD"));
        Assert.Contains("http://127.0.0.1:8080/health/live", Sequence(services, "web", "healthcheck", "test"));
        Assert.Equal(".", Path.GetRelativePath(Repository.Root, Scalar(services, "web", "build", "context")));
    }

    [Fact]
    public async Task The_replicas_profile_adds_a_second_instance_and_nginx_round_robin_in_front_of_both()
    {
        var services = Map(await ComposeConfigAsync("replicas"), "services");
        Assert.Equal(["db", "proxy", "web", "web2"], Names(services));
        Assert.Equal(["replicas"], Sequence(services, "web2", "profiles"));
        Assert.Equal(["replicas"], Sequence(services, "proxy", "profiles"));

        // The second instance starts once the first is up (it has migrated the database), with the same settings.
        Assert.Equal("service_healthy", Scalar(services, "web2", "depends_on", "web", "condition"));
        Assert.Equal("service_healthy", Scalar(services, "web2", "depends_on", "db", "condition"));
        Assert.Equal(Map(services, "web", "environment").ToString(), Map(services, "web2", "environment").ToString());
        Assert.Equal("service_healthy", Scalar(services, "proxy", "depends_on", "web", "condition"));
        Assert.Equal("service_healthy", Scalar(services, "proxy", "depends_on", "web2", "condition"));
        Assert.Contains("/health/ready", string.Join(' ', Sequence(services, "proxy", "healthcheck", "test")), StringComparison.Ordinal);

        // nginx reads deploy/nginx/nginx.conf, whose upstream is both instances with no other balancing than round-robin.
        var mounts = Sequence(services, "proxy", "volumes");
        Assert.Contains(mounts, m => m.StartsWith(Repository.PathOf("deploy", "nginx", "nginx.conf") + ":/etc/nginx/nginx.conf", StringComparison.Ordinal));
        var nginx = await File.ReadAllTextAsync(Repository.PathOf("deploy", "nginx", "nginx.conf"));
        var upstream = UpstreamBlock().Match(nginx);
        Assert.True(upstream.Success, "no upstream block in deploy/nginx/nginx.conf");
        var servers = UpstreamServer().Matches(upstream.Value).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["web:8080", "web2:8080"], servers);
        Assert.DoesNotMatch(@"\b(least_conn|ip_hash|hash|random)\b", upstream.Value);
    }

    [Theory]
    [InlineData(null, null, 40, 100)]
    [InlineData("20", "60", 20, 60)]
    public async Task Every_instance_pool_together_stays_under_the_servers_max_connections(string? pool, string? maxConnections, int expectedPool, int expectedMax)
    {
        // The pool rule (docs/decisions/115): instances × Maximum Pool Size + 10 spare ≤ max_connections − 3 reserved.
        var environment = ComposeEnvironment(Password);
        environment["BLUEZONE_PG_POOL"] = pool;
        environment["POSTGRES_MAX_CONNECTIONS"] = maxConnections;
        var result = await Tool.RunAsync("docker-compose", ["--project-directory", Repository.Root, "-f", Repository.PathOf("docker-compose.yml"), "--profile", "replicas", "config"], environment: environment);
        Assert.True(result.Exit == 0, "docker-compose config failed: " + result.All);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(result.Output));
        var services = Map((YamlMappingNode)yaml.Documents[0].RootNode, "services");

        var command = Sequence(services, "db", "command");
        var max = int.Parse(Assert.Single(command, c => c.StartsWith("max_connections=", StringComparison.Ordinal))["max_connections=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expectedMax, max);
        var pools = AppServices
            .Select(s => new Npgsql.NpgsqlConnectionStringBuilder(Scalar(services, s, "environment", "ConnectionStrings__Postgres")).MaxPoolSize)
            .ToList();
        Assert.All(pools, p => Assert.Equal(expectedPool, p));
        Assert.True(pools.Sum() + 10 <= max - 3, $"pools {string.Join(" + ", pools)} + 10 spare exceed max_connections {max} − 3");
    }

    [Fact]
    public async Task The_app_runs_with_the_GC_settings_chosen_for_memory()
    {
        // The runtimeconfig.json written beside the app by the build (and by publish, which the Dockerfile runs):
        // Server GC that compacts harder (docs/decisions/116), unless an environment variable says otherwise.
        var file = Path.ChangeExtension(typeof(Program).Assembly.Location, ".runtimeconfig.json");
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(5, properties.GetProperty("System.GC.ConserveMemory").GetInt32());
    }

    [Fact]
    public async Task The_app_compiles_the_code_of_a_page_after_a_write_optimized_the_first_time()
    {
        // Code that runs once per write never gets hot: without quick JIT it is not left unoptimized (docs/decisions/135).
        var file = Path.ChangeExtension(typeof(Program).Assembly.Location, ".runtimeconfig.json");
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation.QuickJit").GetBoolean());
    }

    [Fact]
    public async Task The_password_comes_only_from_the_environment_and_compose_refuses_to_run_without_it()
    {
        var result = await Tool.RunAsync("docker-compose", ["-f", Repository.PathOf("docker-compose.yml"), "config"],
            environment: ComposeEnvironment(password: null));
        Assert.NotEqual(0, result.Exit);
        Assert.Contains("set POSTGRES_PASSWORD", result.All, StringComparison.Ordinal);

        var file = await File.ReadAllTextAsync(Repository.PathOf("docker-compose.yml"));
        Assert.DoesNotMatch(@"Password=(?!\$\{)", file);
        Assert.Matches(@"POSTGRES_PASSWORD: ""\$\{POSTGRES_PASSWORD:\?", file);
        Assert.Contains(".env", (await File.ReadAllLinesAsync(Repository.PathOf(".gitignore"))).Select(l => l.Trim()));
    }

    [Fact]
    public async Task Nginx_sends_the_forwarded_headers_the_app_believes_from_the_compose_network()
    {
        var proxy = await File.ReadAllTextAsync(Repository.PathOf("deploy", "nginx", "bluezone-proxy.conf"));
        Assert.Contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", proxy, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", proxy, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-Host $host;", proxy, StringComparison.Ordinal);

        // The network the app trusts is the compose network itself, and the app reads the value as that network.
        var config = await ComposeConfigAsync();
        var subnet = Scalar(Assert.IsType<YamlMappingNode>(Assert.Single(Assert.IsType<YamlSequenceNode>(Map(config, "networks", "default", "ipam").Children[new YamlScalarNode("config")]).Children)), "subnet");
        var trusted = Scalar(config, "services", "web", "environment", "ForwardedHeaders__KnownNetworks__0");
        Assert.Equal(subnet, trusted);

        using var app = new TrustingApp(trusted);
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        Assert.Contains(System.Net.IPNetwork.Parse(subnet), options.KnownIPNetworks);
        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost, options.ForwardedHeaders);
    }

    private sealed class TrustingApp(string network) : BluezoneAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = network };
    }

    [Fact]
    public async Task Nginx_accepts_the_compose_configuration()
    {
        // The compose service names only resolve inside compose: loopback stands in for them; everything else is the file.
        var folder = Directory.CreateTempSubdirectory("bluezone-nginx-").FullName;
        try
        {
            var conf = (await File.ReadAllTextAsync(Repository.PathOf("deploy", "nginx", "nginx.conf")))
                .Replace("server web:8080", "server 127.0.0.1:8080", StringComparison.Ordinal)
                .Replace("server web2:8080", "server 127.0.0.2:8080", StringComparison.Ordinal)
                .Replace("/etc/nginx/bluezone-proxy.conf", Repository.PathOf("deploy", "nginx", "bluezone-proxy.conf"), StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), conf);
            var result = await Tool.RunAsync("nginx", ["-t", "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", $"pid {folder}/nginx.pid;"]);
            Assert.True(result.Exit == 0, result.All);
            Assert.Contains("syntax is ok", result.All, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_Dockerfile_passes_the_linter()
    {
        var result = await LintAsync(Repository.PathOf("Dockerfile"));
        Assert.True(result.Exit == 0, result.All);
        Assert.Contains("2 stages", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_linter_names_every_broken_rule_of_a_bad_Dockerfile()
    {
        var bad = Path.Combine(Directory.CreateTempSubdirectory("bluezone-docker-").FullName, "Dockerfile");
        await File.WriteAllTextAsync(bad, """
            FROM mcr.microsoft.com/dotnet/sdk:latest
            ENV ConnectionStrings__Postgres="Host=db;Password=hunter2"
            workdir app
            COPY . .
            ENTRYPOINT ["dotnet", "BluezoneTracker.Web.dll"]
            """);
        var result = await LintAsync(bad);
        Directory.Delete(Path.GetDirectoryName(bad)!, recursive: true);
        Assert.Equal(1, result.Exit);
        foreach (var rule in new[] { "BZ001", "BZ002", "BZ003", "BZ004", "BZ005", "uppercase", "absolute" })
        {
            Assert.Contains(rule, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_Dockerfile_builds_from_files_of_the_repository_that_the_build_context_keeps()
    {
        var lines = await File.ReadAllLinesAsync(Repository.PathOf("Dockerfile"));
        var sources = lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();
        Assert.Contains("src/", sources);
        Assert.Contains("wwwroot/", sources);
        foreach (var source in sources)
        {
            Assert.True(File.Exists(Repository.PathOf(source)) || Directory.Exists(Repository.PathOf(source)), source + " is not in the repository");
        }

        var publish = PublishedProject().Match(string.Join('\n', lines));
        Assert.True(publish.Success, "the build stage publishes no project");
        Assert.True(File.Exists(Repository.PathOf(publish.Groups[1].Value)), publish.Groups[1].Value);

        // Build output, local stores and secrets stay out of the build context.
        var ignored = (await File.ReadAllLinesAsync(Repository.PathOf(".dockerignore"))).Select(l => l.Trim()).ToList();
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("**/data/", ignored);
        Assert.Contains(".env", ignored);
    }

    private static Task<Tool.Result> LintAsync(string dockerfile)
    {
        var lint = Repository.PathOf("tools", "dockerfile-lint");
        Assert.True(Directory.Exists(Path.Combine(lint, "node_modules", "dockerfile-utils")),
            "tools/dockerfile-lint has no node_modules: ./test.sh runs `npm ci --prefix tools/dockerfile-lint`.");
        return Tool.RunAsync("node", [Path.Combine(lint, "lint.mjs"), dockerfile]);
    }

    [GeneratedRegex(@"upstream\s+bluezone\s*\{[^}]*\}")]
    private static partial Regex UpstreamBlock();

    [GeneratedRegex(@"^\s*server\s+(\S+?)(?:\s|;)", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"dotnet publish (\S+\.csproj)")]
    private static partial Regex PublishedProject();
}
