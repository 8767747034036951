using System.Diagnostics.CodeAnalysis;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BluezoneTracker.Browser.Tests.Infrastructure;

/// <summary>
/// The real app on real Kestrel (a free port) over a temp SQLite file with the Sơn La seed plus
/// <see cref="TimeSeriesSeed"/>, and Debian's Chromium driven by Playwright. Shared by every test
/// of the "browser" collection: one server, one browser; each test opens its own page.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>The <c>Seed:Demo</c> the server starts with: null for the Sơn La seed plus the time series.</summary>
    protected virtual string? Demo => null;

    /// <summary>More settings for the server (e.g. <c>Deployment:AreaCode</c> of a store the fixture fills itself).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>
    /// Where a sign-in lands (the sign-in page's <c>ReturnUrl</c>); null for the app's own landing, the dashboard.
    /// </summary>
    protected virtual string? SignInReturnUrl => null;

    /// <summary>Fills the store after the server has created it (nothing unless a fixture says so).</summary>
    protected virtual Task FillAsync(string databasePath, IServiceProvider services) => Task.CompletedTask;

    /// <summary>Debian's Chromium: Playwright must never download a browser of its own.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bluezone-browser-tests", Guid.NewGuid().ToString("N"));
    private AppFactory? _factory;
    private readonly SemaphoreSlim _users = new(1, 1);
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    /// <summary>Where screenshots and PDFs go: TestResults next to the test assembly.</summary>
    public static string ArtifactsFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults")).FullName;

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var databasePath = Path.Combine(_folder, "bluezone.db");
        _factory = new AppFactory(databasePath, Demo, Settings);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        await FillAsync(databasePath, _factory.Services);
        if (Demo is null)
        {
            await TimeSeriesSeed.AddAsync(_factory.Services);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A fresh page at a given width, Vietnamese UI, signed in through the sign-in form with
    /// <paramref name="role"/> (a Viewer unless told otherwise; null stays anonymous).
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string? role = Roles.Viewer)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
        });
        // Playwright's 30 s default per step is too short for a sign-in (PBKDF2 hashing) on two cores that a
        // build shares: a clean-clone run at load average 56 timed out waiting for the page after signing in.
        context.SetDefaultTimeout(PageNavigation.StepTimeoutMilliseconds);
        context.SetDefaultNavigationTimeout(PageNavigation.StepTimeoutMilliseconds);
        var page = await context.NewPageAsync();
        if (role is not null)
        {
            await SignInAsync(page, role);
        }

        return page;
    }

    private async Task SignInAsync(IPage page, string role)
    {
        const string Password = "Trinh-duyet@2020";
        var userName = "browser-" + role.ToLowerInvariant();
        await _users.WaitAsync();
        try
        {
            await using var scope = Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                var user = new AppUser { UserName = userName, DisplayName = userName };
                await users.CreateAsync(user, Password);
                await users.AddToRoleAsync(user, role);
            }
        }
        finally
        {
            _users.Release();
        }

        await page.GotoAsync(SignInReturnUrl is null ? "/account/signin" : "/account/signin?ReturnUrl=" + Uri.EscapeDataString(SignInReturnUrl));
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("[data-testid=signin-form] button[type=submit]");
        await page.WaitForDocumentNotAtAsync("/account/signin");
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        _users.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finalising connection; the temp folder is cleaned by the OS.
        }
    }

    private sealed class AppFactory(string databasePath, string? demo, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={databasePath}");
            if (demo is not null)
            {
                builder.UseSetting("Seed:Demo", demo);
            }

            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            // Every test signs in, and pages call the API; the limits are tested in the web tests. A finite
            // number is a speed a fast machine can pass (a web test got 429s under 10 000 a minute in CI).
            builder.UseSetting("RateLimits:SignInPerMinute", "2147483647");
            builder.UseSetting("RateLimits:ApiPerMinute", "2147483647");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>The same server and browser over the national demo: Việt Nam → 63 provinces → Sơn La's districts.</summary>
public sealed class NationalBrowserFixture : BrowserFixture
{
    protected override string? Demo => "national";
}

[CollectionDefinition(Name)]
public sealed class NationalBrowserCollection : ICollectionFixture<NationalBrowserFixture>
{
    public const string Name = "national browser";
}

/// <summary>
/// The same server and browser over a country of 700 districts (bench's <see cref="Benchmarks.ScaleData"/>, three days):
/// an annex long enough to be shown in blocks (decision 120).
/// </summary>
public sealed class ScaleBrowserFixture : BrowserFixture
{
    /// <summary>The districts of the country, as the 700 × 730 bench store.</summary>
    public const int Districts = 700;

    protected override string? Demo => "false";

    /// <summary>
    /// The annex, which every test of this collection opens: the sign-in then renders no 700-district dashboard
    /// that no test reads (on a busy CI machine the first one outlasted the 90 s sign-in step).
    /// </summary>
    protected override string? SignInReturnUrl => "/annex";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Deployment:AreaCode"] = Benchmarks.ScaleData.MinistryCode,
    };

    protected override async Task FillAsync(string databasePath, IServiceProvider services)
    {
        await Benchmarks.ScaleData.FillAsync($"Data Source={databasePath}", Benchmarks.ScaleData.Ministry(Districts, 3));
        services.GetRequiredService<Web.Figures.DataVersion>().Bump();
    }
}

[CollectionDefinition(Name)]
public sealed class ScaleBrowserCollection : ICollectionFixture<ScaleBrowserFixture>
{
    public const string Name = "scale browser";
}

/// <summary>
/// The same server and browser over a country of a few districts counted every day for longer than the pages list
/// dates for (<see cref="Web.Pages.Shared.ILongListPage.DateListLimit"/>): the dashboard and the annex ask for their
/// dates with date fields, not lists.
/// </summary>
public sealed class LongHistoryBrowserFixture : BrowserFixture
{
    /// <summary>Days counted: more than the pages list.</summary>
    public const int Days = Web.Pages.Shared.ILongListPage.DateListLimit + 10;

    protected override string? Demo => "false";

    protected override string? SignInReturnUrl => "/annex";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Deployment:AreaCode"] = Benchmarks.ScaleData.MinistryCode,
    };

    protected override async Task FillAsync(string databasePath, IServiceProvider services)
    {
        await Benchmarks.ScaleData.FillAsync($"Data Source={databasePath}", Benchmarks.ScaleData.Ministry(6, Days));
        services.GetRequiredService<Web.Figures.DataVersion>().Bump();
    }
}

[CollectionDefinition(Name)]
public sealed class LongHistoryBrowserCollection : ICollectionFixture<LongHistoryBrowserFixture>
{
    public const string Name = "long history browser";
}
