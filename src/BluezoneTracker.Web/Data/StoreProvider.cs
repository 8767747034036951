using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace BluezoneTracker.Web.Data;

/// <summary>The database engine that holds the store (configuration <c>Store:Provider</c>).</summary>
public enum StoreEngine
{
    /// <summary>An embedded SQLite file (<c>ConnectionStrings:Default</c>); the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (<c>ConnectionStrings:Postgres</c>), for several app instances.</summary>
    Postgres,
}

/// <summary>
/// Every statement that differs between SQLite and PostgreSQL, in one place (docs/decisions/070): which
/// provider and connection string, the one model difference, the append-only triggers of the audit log,
/// what runs after the migrations, and which exceptions mean "the store is unavailable for now".
/// Everything else (queries, writes, the data-version read) is provider-neutral. The generated
/// migrations are per provider: <c>Data/Migrations</c> (SQLite, <see cref="AppDbContext"/>) and
/// <c>Data/PostgresMigrations</c> (<see cref="PostgresAppDbContext"/>).
/// </summary>
public static class StoreProvider
{
    /// <summary>The configuration key naming the engine: <c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public const string ProviderKey = "Store:Provider";

    /// <summary>The connection string name of the PostgreSQL store (env <c>ConnectionStrings__Postgres</c>).</summary>
    public const string PostgresConnectionName = "Postgres";

    /// <summary>The connection string name of the SQLite store.</summary>
    public const string SqliteConnectionName = "Default";

    /// <summary>The configured engine; an unknown name is refused at start-up rather than guessed.</summary>
    /// <exception cref="InvalidOperationException">Store:Provider names neither engine.</exception>
    public static StoreEngine Engine(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(name))
        {
            return StoreEngine.Sqlite;
        }

        return Enum.TryParse<StoreEngine>(name.Trim(), ignoreCase: true, out var engine) && Enum.IsDefined(engine)
            ? engine
            : throw new InvalidOperationException($"{ProviderKey} must be Sqlite or Postgres, not \"{name}\".");
    }

    /// <summary>
    /// Registers <see cref="AppDbContext"/> over the configured engine (for PostgreSQL, as <see cref="PostgresAppDbContext"/>),
    /// pooled: its options are built once per process and a request leases a context that a previous request
    /// returned, reset, instead of building options and a context per request scope — that was about a quarter of a
    /// warm request's CPU (docs/decisions/140, 145). <paramref name="common"/> runs once, with the root services: what
    /// it adds (the interceptors) must be singletons.
    /// </summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is chosen but ConnectionStrings:Postgres is empty.</exception>
    public static void AddStoreContext(IServiceCollection services, IConfiguration configuration, string contentRoot, Action<IServiceProvider, DbContextOptionsBuilder> common)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (Engine(configuration) == StoreEngine.Postgres)
        {
            var connectionString = PostgresConnectionString(configuration.GetConnectionString(PostgresConnectionName));
            services.AddDbContextPool<AppDbContext, PostgresAppDbContext>((provider, options) =>
            {
                UsePostgres(options, connectionString);
                common(provider, options);
            });
            return;
        }

        var sqlite = SqliteConnectionString(configuration.GetConnectionString(SqliteConnectionName), contentRoot);
        services.AddDbContextPool<AppDbContext>((provider, options) =>
        {
            UseSqlite(options, sqlite);
            common(provider, options);
        });
    }

    /// <summary>Options for a SQLite store (used by the app, the verbs, the benchmarks and the tests).</summary>
    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseSqlite(connectionString);
    }

    /// <summary>Options for a PostgreSQL store: migrations of <c>Data/PostgresMigrations</c>.</summary>
    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);

        // No retrying execution strategy: our writes open their own transactions (a new revision, the data
        // version and the audit row commit together), which a retrying strategy refuses. A request that meets
        // a dropped connection fails with 503 instead (Infrastructure/StoreUnavailable) and the pool replaces
        // the broken connection, so the next request succeeds without restarting the app.
        return options.UseNpgsql(connectionString);
    }

    /// <summary>The PostgreSQL connection string, with a bounded wait for a connection.</summary>
    /// <exception cref="InvalidOperationException">The connection string is empty.</exception>
    public static string PostgresConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                $"{ProviderKey}=Postgres needs ConnectionStrings:{PostgresConnectionName} (environment variable ConnectionStrings__{PostgresConnectionName}).");
        }

        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (builder.Timeout == 15)
        {
            // A request must not hang for long while the server restarts: fail fast, answer 503, try again.
            builder.Timeout = 5;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// The configured SQLite connection string, or a file in data/ under the content root. A relative
    /// file name is taken relative to the content root, and its folder is created.
    /// </summary>
    public static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=data/bluezone.db" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        // A writer that finds the file locked waits instead of failing: Microsoft.Data.Sqlite retries a
        // busy or locked database until the command timeout ("Default Timeout", 30 s unless configured).
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>
    /// The model's provider differences: SQLite keeps the times that queries compare or order (audit times,
    /// pending uploads' expiry) as UTC ticks, PostgreSQL as <c>timestamptz</c>; every other time is only stored.
    /// </summary>
    public static void ConfigureModel(ModelBuilder builder, DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        if (database.IsSqlite())
        {
            // SQLite stores a DateTimeOffset as text, which it cannot compare or order by time; UTC ticks it can.
            builder.Entity<Entities.AuditEntry>().Property(a => a.At)
                .HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            builder.Entity<Entities.PendingUploadEntity>().Property(p => p.ExpiresAt)
                .HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        }
    }

    /// <summary>Database triggers that refuse any UPDATE or DELETE (and, on PostgreSQL, TRUNCATE) of audit rows, whoever issues it.</summary>
    /// <exception cref="NotSupportedException">A provider other than SQLite or PostgreSQL.</exception>
    public static void CreateAuditTriggers(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("CREATE TRIGGER AuditLog_NoUpdate BEFORE UPDATE ON AuditLog BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER AuditLog_NoDelete BEFORE DELETE ON AuditLog BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
            return;
        }

        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION "AuditLog_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit rows are append-only' USING ERRCODE = 'integrity_constraint_violation';
                END;
                $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER \"AuditLog_NoUpdate\" BEFORE UPDATE ON \"AuditLog\" FOR EACH ROW EXECUTE FUNCTION \"AuditLog_AppendOnly\"();");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditLog_NoDelete\" BEFORE DELETE ON \"AuditLog\" FOR EACH ROW EXECUTE FUNCTION \"AuditLog_AppendOnly\"();");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditLog_NoTruncate\" BEFORE TRUNCATE ON \"AuditLog\" FOR EACH STATEMENT EXECUTE FUNCTION \"AuditLog_AppendOnly\"();");
            return;
        }

        throw new NotSupportedException($"No audit triggers for {migrationBuilder.ActiveProvider}.");
    }

    /// <summary>Drops what <see cref="CreateAuditTriggers"/> created.</summary>
    public static void DropAuditTriggers(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditLog_NoUpdate\" ON \"AuditLog\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditLog_NoDelete\" ON \"AuditLog\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditLog_NoTruncate\" ON \"AuditLog\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS \"AuditLog_AppendOnly\"();");
            return;
        }

        migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditLog_NoUpdate;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditLog_NoDelete;");
    }

    /// <summary>What a store needs once its migrations are applied: SQLite switches to WAL (kept in the file).</summary>
    public static async Task AfterMigrateAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a revision is being written.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>A context over a store named outright (the <c>copy-store</c> verb, tests), outside the app's services.</summary>
    /// <param name="engine">Which engine the connection string is for.</param>
    /// <param name="connectionString">A SQLite connection string (used as given) or an Npgsql one.</param>
    /// <param name="configure">More options (e.g. an interceptor), applied last.</param>
    public static AppDbContext CreateContext(StoreEngine engine, string connectionString, Action<DbContextOptionsBuilder>? configure = null)
    {
        if (engine == StoreEngine.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresAppDbContext>();
            UsePostgres(postgres, PostgresConnectionString(connectionString));
            configure?.Invoke(postgres);
            return new PostgresAppDbContext(postgres.Options);
        }

        var sqlite = new DbContextOptionsBuilder<AppDbContext>();
        UseSqlite(sqlite, connectionString);
        configure?.Invoke(sqlite);
        return new AppDbContext(sqlite.Options);
    }

    /// <summary>
    /// Starts a read-only snapshot of the whole store on <paramref name="db"/>'s connection, so that every table
    /// read through it describes one moment even while an app writes: SQLite a deferred transaction (a reader
    /// that never takes the write lock), PostgreSQL a read-only REPEATABLE READ transaction. Dispose to end it.
    /// </summary>
    public static async Task<IAsyncDisposable> BeginSnapshotAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        DbTransaction transaction = connection switch
        {
            SqliteConnection sqlite => sqlite.BeginTransaction(deferred: true),
            NpgsqlConnection npgsql => await npgsql.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken),
            _ => throw new NotSupportedException($"No snapshot for {connection.GetType()}."),
        };
        if (connection is NpgsqlConnection)
        {
            await using var readOnly = connection.CreateCommand();
            readOnly.Transaction = transaction;
            readOnly.CommandText = "SET TRANSACTION READ ONLY";
            await readOnly.ExecuteNonQueryAsync(cancellationToken);
        }

        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return new Snapshot(db, transaction);
    }

    /// <summary>
    /// After rows were inserted with their own keys: PostgreSQL's identity sequences of <paramref name="type"/>'s
    /// table are set past the largest key, so that the next row the app adds gets a free one. SQLite needs
    /// nothing (a new rowid, AUTOINCREMENT included, follows the largest key in the table).
    /// </summary>
    public static async Task ResetKeyGenerationAsync(AppDbContext db, Microsoft.EntityFrameworkCore.Metadata.IEntityType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(type);
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var helper = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        var qualified = helper.DelimitIdentifier(table.Name, table.Schema);
        // The value-generation strategy is kept only in the design-time model, not in the model a context runs with.
        var designed = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model.FindEntityType(type.Name)
            ?? throw new InvalidOperationException($"The design-time model has no {type.Name}.");
        foreach (var property in designed.GetProperties().Where(p => NpgsqlPropertyExtensions.GetValueGenerationStrategy(p, table) is
            Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn
            or Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityAlwaysColumn
            or Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.SerialColumn))
        {
            var column = property.GetColumnName(table)!;
            // The model's own table and column names, delimited; the sequence lookup takes them as bound text.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence({{0}}, {{1}}), COALESCE((SELECT MAX({helper.DelimitIdentifier(column)}) FROM {qualified}), 0) + 1, false)",
                [qualified, column],
                cancellationToken);
#pragma warning restore EF1002
        }
    }

    /// <summary>
    /// Whether an exception (or one inside it) says the store cannot be reached or is busy for now — a
    /// server restarting or refusing connections, a dropped connection, a timeout, a SQLite file still locked
    /// after the busy timeout — rather than a defect: worth a 503 and a later retry, never a 500.
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException npgsql when npgsql.IsTransient:
                case PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections }:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                case DbException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }

    private sealed class Snapshot(AppDbContext db, DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }
}
