using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Data;

/// <summary>
/// The same store model over PostgreSQL. A type of its own only so that EF finds the PostgreSQL
/// migrations (<c>Data/PostgresMigrations</c>, generated for this type) apart from the SQLite ones of
/// <see cref="AppDbContext"/>; the app resolves it as <see cref="AppDbContext"/> (docs/decisions/070).
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
