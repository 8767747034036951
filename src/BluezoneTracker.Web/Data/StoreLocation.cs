using Microsoft.Data.Sqlite;
using Npgsql;

namespace BluezoneTracker.Web.Data;

/// <summary>
/// A store named on the command line as <c>ENGINE:CONNECTION</c> (the <c>copy-store</c> verb's <c>--from</c>
/// and <c>--to</c>): <c>sqlite:data/bluezone.db</c> (a file; relative to the app's folder, as
/// <c>ConnectionStrings:Default</c>), <c>sqlite:Data Source=…;…</c> (a SQLite connection string), or
/// <c>postgres:Host=…;Database=…;Username=…</c> (an Npgsql connection string; the password may come from
/// <c>PGPASSWORD</c> or <c>~/.pgpass</c> instead of the command line).
/// </summary>
/// <param name="Engine">The engine.</param>
/// <param name="ConnectionString">The full connection string (a SQLite file's path made absolute).</param>
public sealed record StoreLocation(StoreEngine Engine, string ConnectionString)
{
    /// <summary>Reads <c>ENGINE:CONNECTION</c>; null with a reason when it names no known engine or is empty.</summary>
    /// <param name="text">What was typed after --from or --to.</param>
    /// <param name="contentRoot">The folder relative SQLite paths are taken from.</param>
    /// <param name="problem">Why the text was refused (English; the verb words it for the user).</param>
    public static StoreLocation? Parse(string? text, string contentRoot, out string? problem)
    {
        problem = null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        var engine = colon > 0 ? text![..colon].Trim().ToUpperInvariant() : string.Empty;
        var rest = colon > 0 ? text![(colon + 1)..].Trim() : string.Empty;
        if (rest.Length == 0 || engine is not ("SQLITE" or "POSTGRES" or "POSTGRESQL"))
        {
            problem = "engine";
            return null;
        }

        try
        {
            if (engine == "SQLITE")
            {
                var builder = new SqliteConnectionStringBuilder(rest.Contains('=', StringComparison.Ordinal) ? rest : $"Data Source={rest}");
                if (builder.DataSource.Length == 0 || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
                {
                    problem = "memory";
                    return null;
                }

                builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
                return new StoreLocation(StoreEngine.Sqlite, builder.ToString());
            }

            return new StoreLocation(StoreEngine.Postgres, new NpgsqlConnectionStringBuilder(rest).ConnectionString);
        }
        catch (ArgumentException e)
        {
            problem = e.Message;
            return null;
        }
    }

    /// <summary>The SQLite file, or null for PostgreSQL.</summary>
    public string? SqliteFile => Engine == StoreEngine.Sqlite ? new SqliteConnectionStringBuilder(ConnectionString).DataSource : null;

    /// <summary>How the store is named in messages and the audit row: the SQLite file, or PostgreSQL's host, port, database and user — never a password.</summary>
    public string Describe()
    {
        if (SqliteFile is { } file)
        {
            return "sqlite:" + file;
        }

        var postgres = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"postgres:Host={postgres.Host};Port={postgres.Port};Database={postgres.Database};Username={postgres.Username}";
    }

    /// <summary>The connection string to read the store with: a SQLite file is opened read-only (it must exist).</summary>
    public string ForReading() => Engine == StoreEngine.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString()
        : ConnectionString;

    /// <summary>The connection string to write the store with: a SQLite file's folder is created.</summary>
    public string ForWriting()
    {
        if (SqliteFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        return ConnectionString;
    }
}
