using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Import;
using BluezoneTracker.Web.Infrastructure;
using BluezoneTracker.Web.Reporting;

// "import --date … --file …" runs the intake from the command line, without starting the web host.
if (ImportCommand.Matches(args))
{
    return await ImportCommand.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.Environment.UseRepositoryWebRoot(builder.Configuration);
builder.Services.AddBluezoneIntake(builder.Configuration, builder.Environment);
builder.Services.AddBluezoneAccounts(builder.Configuration);
builder.Services.AddBluezoneWeb(builder.Configuration);
builder.Services.AddBluezoneReporting();
builder.Services.AddBluezoneResponseCache(builder.Configuration);

var app = builder.Build();
await app.Services.PrepareStoreAsync();
if (CreateAdminCommand.IsInvoked(args))
{
    return await CreateAdminCommand.RunAsync(
        app.Services, args, Environment.GetEnvironmentVariable(CreateAdminCommand.PasswordVariable), Console.Out, Console.Error);
}

await app.Services.PrepareAccountsAsync();
app.UseBluezonePipeline();
app.MapBluezoneEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
