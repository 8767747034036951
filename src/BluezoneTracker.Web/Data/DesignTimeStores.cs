using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BluezoneTracker.Web.Data;

/// <summary>
/// The SQLite context for <c>dotnet ef</c> (migrations of <c>Data/Migrations</c>):
/// <c>dotnet ef migrations add Name --project src/BluezoneTracker.Web --context AppDbContext --output-dir Data/Migrations</c>.
/// No database is opened to add a migration.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        StoreProvider.UseSqlite(builder, "Data Source=data/bluezone.db");
        return new AppDbContext(builder.Options);
    }
}

/// <summary>
/// The PostgreSQL context for <c>dotnet ef</c> (migrations of <c>Data/PostgresMigrations</c>):
/// <c>dotnet ef migrations add Name --project src/BluezoneTracker.Web --context PostgresAppDbContext --output-dir Data/PostgresMigrations</c>.
/// The connection string is only used by commands that open the database (<c>database update</c>):
/// it comes from <c>ConnectionStrings__Postgres</c>.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args)
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__" + StoreProvider.PostgresConnectionName);
        var builder = new DbContextOptionsBuilder<PostgresAppDbContext>();
        StoreProvider.UsePostgres(builder, StoreProvider.PostgresConnectionString(string.IsNullOrWhiteSpace(configured) ? "Host=localhost;Database=bluezone" : configured));
        return new PostgresAppDbContext(builder.Options);
    }
}
