using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.CopyStore;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Infrastructure;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Pages;
using BluezoneTracker.Web.Reports;
using BluezoneTracker.Web.Scope;
using BluezoneTracker.Web.Settings;
using BluezoneTracker.Web.SignOffs;
using BluezoneTracker.Web.Snapshots;

// "import --date … --file …" runs the intake from the command line, without starting the web host.
if (ImportCommand.Matches(args))
{
    return await ImportCommand.RunAsync(args, Console.Out, Console.Error);
}

// "copy-store --from sqlite:… --to postgres:…" copies a whole store into an empty one (docs/decisions/089).
if (CopyStoreCommand.Matches(args))
{
    return await CopyStoreCommand.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.Environment.UseRepositoryWebRoot(builder.Configuration);

// One Add… per folder, each registering only its own services; a folder uses only the folders above it
// in this list (docs/decisions/060-layout-by-feature.md).
builder.Services
    .AddBluezoneLocalization()
    .AddBluezoneInfrastructure(builder.Configuration)
    .AddBluezoneStore(builder.Configuration, builder.Environment)
    .AddBluezoneAudit()
    .AddBluezoneFigures(builder.Configuration)
    .AddBluezoneAccounts(builder.Configuration)
    .AddBluezoneScope()
    .AddBluezoneSettings(builder.Configuration)
    .AddBluezoneSignOffs()
    .AddBluezoneReports()
    .AddBluezoneSnapshots(builder.Configuration)
    .AddBluezonePages()
    .AddBluezoneResponseCache(builder.Configuration);

var app = builder.Build();
await app.Services.PrepareStoreAsync();
if (CreateAdminCommand.IsInvoked(args))
{
    return await CreateAdminCommand.RunAsync(
        app.Services, args, Environment.GetEnvironmentVariable(CreateAdminCommand.PasswordVariable), Console.Out, Console.Error);
}

await app.Services.PrepareAccountsAsync();

// The request pipeline, in the order it applies.
// First: everything after it sees the client's address and scheme as the trusted proxy saw them.
app.UseForwardedHeaders();

// /areas/{code}/… is the same app for another area: the prefix becomes the path base (docs/decisions/040).
app.UseAreaPrefix();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

app.UseApiProblems();
app.UseWhen(c => !ApiProblems.IsApi(c.Request), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
app.UseBadInputAs4xx();
app.UseStoreUnavailableAs503();
app.UseWhen(WebSetup.CompressionApplies, branch => branch.UseResponseCompression());
app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticCaching.Apply });
app.UseRequestLocalization();
app.RememberCultureFromQuery();
app.UseRouting();

// A parameter that names one thing (date, compare, area…) sent twice could mean either: a 400 naming it, for every page and endpoint.
app.UseSingleValuedQuery();

// Authentication first, so that the API limit is partitioned by the validated user, not by
// whatever a client writes in its Authorization header.
app.UseAuthentication();
app.UseActingUser();

// The area, once the actor is known: an account's own area is its default, and another subtree is a 403.
app.UseAreaScope();
app.UseRateLimiter();
app.UseAuthorization();
app.UseApiForgeryCheck();
app.UseAntiforgery();

// Whole read responses kept per data version and session, after every check above (docs/decisions/080).
app.UseBluezoneResponseCache();

// Endpoints, per folder.
app.MapBluezonePages();
app.MapAnnexEndpoints();
app.MapSnapshotEndpoints();
app.MapBluezoneHealth();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
