using System.Collections.Concurrent;
using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Snapshots;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// Issue #14, point 10: the test host's log holds no EF Core warning (such as "First without OrderBy") after every
/// kind of page, download and API call has run once.
/// </summary>
public sealed class EfCoreWarningsTests : IDisposable
{
    private sealed class CapturingFactory : BluezoneAppFactory
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new Capture(Warnings)));
        }
    }

    private sealed class Capture(ConcurrentQueue<string> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, warnings);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(string category, ConcurrentQueue<string> warnings) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // EF 10 over PostgreSQL reads the migrations history of a new database without looking first, logs the
            // "relation does not exist" it gets, and takes it as "no migration applied": EF's own step, not our query.
            if (IsEnabled(logLevel) && !(eventId.Name == "Microsoft.EntityFrameworkCore.Database.Command.CommandError" && formatter(state, exception).Contains("FROM \"__EFMigrationsHistory\"", StringComparison.Ordinal)))
            {
                warnings.Enqueue($"{category} {eventId.Name}: {formatter(state, exception)}");
            }
        }
    }

    private readonly CapturingFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_kind_of_request_leaves_no_ef_core_warning_in_the_log()
    {
        var admin = await _factory.ClientForAsync(Roles.Admin);
        foreach (var url in new[]
        {
            "/", "/?date=2020-08-17&compare=2020-08-12", "/annex?date=2020-08-17", "/annex.pdf?date=2020-08-17", "/annex.xlsx?date=2020-08-17",
            "/annex.csv?date=2020-08-17", "/api/annex?date=2020-08-17", "/snapshots", "/snapshots/new", "/snapshots/upload", "/snapshots/2020-08-17",
            "/annex/signoff?date=2020-08-17", "/admin", "/admin/users", "/admin/areas", "/admin/areas/123", "/admin/target", "/admin/settings",
            "/admin/audit", "/account/tokens",
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        var (preview, page) = await IntakeClient.PreviewAsync(admin, "2020-08-18", "so-lieu.csv", IntakeClient.Corpus("names-without-diacritics-prefixes.csv"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await IntakeClient.ConfirmAsync(admin, page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/?date=2020-08-18", UriKind.Relative))).StatusCode);

        Assert.True(_factory.Warnings.IsEmpty, string.Join(Environment.NewLine, _factory.Warnings));
    }
}
