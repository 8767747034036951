using Npgsql;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of a test run, named by the environment variable <see cref="Variable"/> (an Npgsql
/// connection string to a database the role may connect to; the role may create databases). test.sh starts a
/// throw-away server with tools/test-postgres.sh and sets it for the web tests' second run.
/// </summary>
public static class TestPostgres
{
    /// <summary>The environment variable: BLUEZONE_TEST_POSTGRES.</summary>
    public const string Variable = "BLUEZONE_TEST_POSTGRES";

    private static readonly string? Server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Whether this run's web tests use PostgreSQL.</summary>
    public static bool Configured => Server is not null;

    /// <summary>The server's connection string, for tests that need PostgreSQL whatever the run.</summary>
    /// <exception cref="InvalidOperationException">No server is configured.</exception>
    public static string ServerConnectionString =>
        Server ?? throw new InvalidOperationException($"This test needs a PostgreSQL server: set {Variable} (test.sh does).");

    /// <summary>The connection string of another database on the same server.</summary>
    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates an empty database (UTF-8, from template0).</summary>
    public static void CreateDatabase(string database) =>
        Execute($"CREATE DATABASE \"{database}\" TEMPLATE template0 ENCODING 'UTF8'");

    /// <summary>Drops a database, ending the connections still open to it.</summary>
    public static void DropDatabase(string database)
    {
        using (var connection = new NpgsqlConnection(ConnectionStringFor(database)))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
