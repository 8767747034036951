using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BluezoneTracker.Web.Data;

/// <summary>One table of a store copy: rows and SHA-256 (<see cref="StoreChecksum"/>) read from the source and read back from the target.</summary>
/// <param name="Name">The table's name.</param>
/// <param name="SourceRows">Rows read from the source.</param>
/// <param name="TargetRows">Rows read back from the target, inside the copy's transaction.</param>
/// <param name="SourceSha256">The source rows' checksum, 64 hex digits.</param>
/// <param name="TargetSha256">The target rows' checksum, computed the same way.</param>
public sealed record StoreTableCheck(string Name, long SourceRows, long TargetRows, string SourceSha256, string TargetSha256)
{
    /// <summary>Whether the target holds exactly the source's rows.</summary>
    public bool Matches => SourceRows == TargetRows && string.Equals(SourceSha256, TargetSha256, StringComparison.Ordinal);
}

/// <summary>Why a store copy did not happen; nothing was written to the target in every case.</summary>
public enum StoreCopyRefusal
{
    /// <summary>The source has no applied migrations: it is not a store (or the path is wrong).</summary>
    SourceNotAStore,

    /// <summary>The source's schema is older than this version's; the app migrates it on its next start.</summary>
    SourceOutdated,

    /// <summary>The target already holds a store of an older schema.</summary>
    TargetOutdated,

    /// <summary>The target holds rows (other than the schema's own seed rows).</summary>
    TargetNotEmpty,

    /// <summary>A table read back from the target differs from the source (count or checksum); the copy was rolled back.</summary>
    Mismatch,
}

/// <summary>A refused or failed-verification copy; the target was left as it was (no rows of the source).</summary>
public sealed class StoreCopyRefusedException : Exception
{
    /// <summary>A refusal with its details: table names with row counts, pending migrations, or the compared tables.</summary>
    public StoreCopyRefusedException(StoreCopyRefusal reason, IReadOnlyList<string> details, IReadOnlyList<StoreTableCheck>? tables = null)
        : base($"{reason}: {string.Join(", ", details)}")
    {
        Reason = reason;
        Details = details;
        Tables = tables ?? [];
    }

    public StoreCopyRefusal Reason { get; }

    /// <summary>What the refusal is about: "Areas: 13" for a non-empty target, migration names, or table names that differ.</summary>
    public IReadOnlyList<string> Details { get; }

    /// <summary>For <see cref="StoreCopyRefusal.Mismatch"/>: every table compared.</summary>
    public IReadOnlyList<StoreTableCheck> Tables { get; }
}

/// <summary>
/// Copies a whole store into an empty one, whatever the two engines (docs/decisions/089). Model-driven: every
/// entity type of the EF model is one table, copied in foreign-key order (a table added later is copied with no
/// change here), with its keys, times, binary and JSON text as they are, through each side's own mapping (e.g.
/// audit times as ticks on SQLite, <c>timestamptz</c> on PostgreSQL). The source is read in one snapshot; the
/// target is written in one transaction that commits only after every table was read back and its count and
/// checksum equal the source's — a failure or a difference at any point leaves the target empty.
/// </summary>
public static class StoreCopy
{
    // Bound variables per INSERT statement: under SQLite's oldest limit (999), and few round trips on PostgreSQL.
    private const int MaxParameters = 999;

    private static readonly MethodInfo ReadMethod = typeof(StoreCopy).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo CountMethod = typeof(StoreCopy).GetMethod(nameof(Count), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The tables of <paramref name="model"/> in the order a copy writes them: every table after the tables its foreign keys point to, ties by name.</summary>
    /// <exception cref="NotSupportedException">An entity type this copy cannot carry as one table (owned, keyless, shared table, inheritance) or a cycle of foreign keys between tables.</exception>
    public static IReadOnlyList<IEntityType> TablesInOrder(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var types = model.GetEntityTypes().OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
        foreach (var type in types)
        {
            if (type.IsOwned() || type.FindPrimaryKey() is null || type.GetTableName() is null || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any())
            {
                throw new NotSupportedException($"The store copy carries each entity type as one table with a primary key; {type.DisplayName()} is not (owned, keyless, unmapped or in a hierarchy).");
            }
        }

        if (types.GroupBy(t => (t.GetSchema(), t.GetTableName())).FirstOrDefault(g => g.Count() > 1) is { } shared)
        {
            throw new NotSupportedException($"The store copy carries each table once; {shared.Key.Item2} holds several entity types.");
        }

        var ordered = new List<IEntityType>();
        var state = new Dictionary<IEntityType, bool>(); // false: being visited; true: placed
        void Visit(IEntityType type, List<string> path)
        {
            if (state.TryGetValue(type, out var placed))
            {
                if (!placed)
                {
                    throw new NotSupportedException($"Foreign keys form a cycle: {string.Join(" → ", path)} → {type.GetTableName()}.");
                }

                return;
            }

            state[type] = false;
            path.Add(type.GetTableName()!);
            foreach (var principal in type.GetForeignKeys().Select(k => k.PrincipalEntityType).Where(p => p != type).Distinct().OrderBy(p => p.GetTableName(), StringComparer.Ordinal))
            {
                Visit(principal, path);
            }

            path.RemoveAt(path.Count - 1);
            state[type] = true;
            ordered.Add(type);
        }

        foreach (var type in types)
        {
            Visit(type, []);
        }

        return ordered;
    }

    /// <summary>Refuses a source that is not a store of this version (no migrations, or some not applied).</summary>
    /// <exception cref="StoreCopyRefusedException"><see cref="StoreCopyRefusal.SourceNotAStore"/> or <see cref="StoreCopyRefusal.SourceOutdated"/>.</exception>
    public static async Task CheckSourceAsync(AppDbContext source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!(await source.Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
        {
            throw new StoreCopyRefusedException(StoreCopyRefusal.SourceNotAStore, []);
        }

        var pending = (await source.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            throw new StoreCopyRefusedException(StoreCopyRefusal.SourceOutdated, pending);
        }
    }

    /// <summary>
    /// Brings an empty target to the current schema and refuses one that holds a store: an older schema, or any
    /// row other than the schema's own seed rows (the data version's first row).
    /// </summary>
    /// <exception cref="StoreCopyRefusedException"><see cref="StoreCopyRefusal.TargetOutdated"/> or <see cref="StoreCopyRefusal.TargetNotEmpty"/>.</exception>
    public static async Task PrepareTargetAsync(AppDbContext target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var applied = (await target.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var pending = (await target.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (applied.Count > 0 && pending.Count > 0)
        {
            // Upgrading someone's older store only to refuse it afterwards would change it: refuse first.
            throw new StoreCopyRefusedException(StoreCopyRefusal.TargetOutdated, applied);
        }

        await target.Database.MigrateAsync(cancellationToken);
        await StoreProvider.AfterMigrateAsync(target, cancellationToken);
        var rows = await RowsBesidesSeedAsync(target, cancellationToken);
        if (rows.Count > 0)
        {
            throw new StoreCopyRefusedException(StoreCopyRefusal.TargetNotEmpty, rows);
        }
    }

    /// <summary>
    /// Copies every table of <paramref name="source"/> into <paramref name="target"/> (already prepared by
    /// <see cref="PrepareTargetAsync"/>) in one transaction, verifies every table, lets <paramref name="beforeCommit"/>
    /// add its own rows (the audit row saying who copied) inside the same transaction, and commits.
    /// </summary>
    /// <returns>Every table with its counts and checksums, all matching.</returns>
    /// <exception cref="StoreCopyRefusedException"><see cref="StoreCopyRefusal.TargetNotEmpty"/> (a row appeared since the preparation) or <see cref="StoreCopyRefusal.Mismatch"/>; the transaction was rolled back.</exception>
    public static async Task<IReadOnlyList<StoreTableCheck>> CopyAsync(
        AppDbContext source, AppDbContext target, Func<IReadOnlyList<StoreTableCheck>, CancellationToken, Task> beforeCommit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(beforeCommit);
        var tables = TablesInOrder(target.Model);
        await using var snapshot = await StoreProvider.BeginSnapshotAsync(source, cancellationToken);
        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);

        // Checked again inside the transaction: nothing may have been written since the preparation.
        var rows = await RowsBesidesSeedAsync(target, cancellationToken);
        if (rows.Count > 0)
        {
            throw new StoreCopyRefusedException(StoreCopyRefusal.TargetNotEmpty, rows);
        }

        // The schema's seed rows (the data version's first row) give way to the source's own.
        foreach (var type in tables.Reverse().Where(t => SeedData(target, t).Any()))
        {
#pragma warning disable EF1003 // the model's own table name, delimited
            await target.Database.ExecuteSqlRawAsync("DELETE FROM " + Table(target, type), cancellationToken);
#pragma warning restore EF1003
        }

        var sums = new List<(string Name, StoreChecksum Source)>();
        foreach (var type in tables)
        {
            var sourceType = source.Model.FindEntityType(type.Name)
                ?? throw new InvalidOperationException($"The source model has no {type.DisplayName()}.");
            sums.Add((type.GetTableName()!, await CopyTableAsync(source, sourceType, target, type, cancellationToken)));
            await StoreProvider.ResetKeyGenerationAsync(target, type, cancellationToken);
        }

        var checks = new List<StoreTableCheck>();
        foreach (var (type, (name, sourceSum)) in tables.Zip(sums))
        {
            var targetSum = new StoreChecksum();
            await foreach (var row in Rows(target, type, cancellationToken))
            {
                targetSum.Add(row.Key, row.Values);
            }

            checks.Add(new StoreTableCheck(name, sourceSum.Rows, targetSum.Rows, sourceSum.Sha256(), targetSum.Sha256()));
        }

        if (checks.Any(c => !c.Matches))
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new StoreCopyRefusedException(StoreCopyRefusal.Mismatch, [.. checks.Where(c => !c.Matches).Select(c => c.Name)], checks);
        }

        await beforeCommit(checks, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return checks;
    }

    /// <summary>The count and checksum of every table of a store, read in one snapshot (to compare stores without copying).</summary>
    public static async Task<IReadOnlyList<(string Name, long Rows, string Sha256)>> ChecksumsAsync(AppDbContext store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var snapshot = await StoreProvider.BeginSnapshotAsync(store, cancellationToken);
        var result = new List<(string, long, string)>();
        foreach (var type in TablesInOrder(store.Model))
        {
            var sum = new StoreChecksum();
            await foreach (var row in Rows(store, type, cancellationToken))
            {
                sum.Add(row.Key, row.Values);
            }

            result.Add((type.GetTableName()!, sum.Rows, sum.Sha256()));
        }

        return result;
    }

    /// <summary>Reads a table from the source and inserts it into the target in batches; returns the source's checksum of what it wrote.</summary>
    private static async Task<StoreChecksum> CopyTableAsync(AppDbContext source, IEntityType sourceType, AppDbContext target, IEntityType targetType, CancellationToken cancellationToken)
    {
        var properties = Columns(sourceType);
        var targetProperties = properties.Select(p => targetType.FindProperty(p.Name)
            ?? throw new InvalidOperationException($"The target model has no {targetType.DisplayName()}.{p.Name}.")).ToList();
        var table = StoreObjectIdentifier.Table(targetType.GetTableName()!, targetType.GetSchema());
        var helper = target.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {Table(target, targetType)} ({string.Join(", ", targetProperties.Select(p => helper.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        var perBatch = Math.Max(1, MaxParameters / targetProperties.Count);
        var checksum = new StoreChecksum();
        var batch = new List<object?[]>(perBatch);
        var connection = target.Database.GetDbConnection();
        await using var factory = connection.CreateCommand();

        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var sql = new StringBuilder(head);
            var parameters = new List<DbParameter>(batch.Count * targetProperties.Count);
            foreach (var row in batch)
            {
                sql.Append(parameters.Count == 0 ? "(" : ", (");
                for (var i = 0; i < targetProperties.Count; i++)
                {
                    var property = targetProperties[i];
                    sql.Append(i == 0 ? string.Empty : ", ").Append('{').Append(parameters.Count).Append('}');
                    parameters.Add(property.GetRelationalTypeMapping().CreateParameter(factory, "p" + parameters.Count, row[i], property.IsNullable));
                }

                sql.Append(')');
            }

            // The SQL holds only the model's own table and column names (delimited) and placeholders of bound values.
#pragma warning disable EF1003
            await target.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
#pragma warning restore EF1003
            batch.Clear();
        }

        var keyIndexes = sourceType.FindPrimaryKey()!.Properties.Select(k => properties.IndexOf(k)).ToArray();
        await foreach (var values in Ordered(sourceType, properties, Raw(source, sourceType, properties, cancellationToken)))
        {
            for (var i = 0; i < values.Length; i++)
            {
                // Instants are written as UTC whole microseconds, what timestamptz keeps; the checksum reads them so too.
                if (values[i] is DateTimeOffset instant)
                {
                    values[i] = StoreChecksum.ToMicroseconds(instant);
                }
            }

            checksum.Add(keyIndexes.Select(k => values[k]).ToArray(), values);
            batch.Add(values);
            if (batch.Count == perBatch)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        return checksum;
    }

    /// <summary>
    /// The rows in an order the target accepts: as read, except in a table that refers to itself (an area's
    /// parent), where every row comes after the row it refers to.
    /// </summary>
    private static async IAsyncEnumerable<object?[]> Ordered(IEntityType type, List<IProperty> properties, IAsyncEnumerable<object?[]> rows)
    {
        var selfReferences = type.GetForeignKeys().Where(k => k.PrincipalEntityType == type).ToList();
        if (selfReferences.Count == 0)
        {
            await foreach (var row in rows)
            {
                yield return row;
            }

            yield break;
        }

        var all = new List<object?[]>();
        await foreach (var row in rows)
        {
            all.Add(row);
        }

        string KeyOf(object?[] row, IEnumerable<IProperty> key) => string.Join("\u001f", key.Select(p => Convert.ToString(row[properties.IndexOf(p)], System.Globalization.CultureInfo.InvariantCulture)));
        var byKey = all.ToDictionary(r => KeyOf(r, type.FindPrimaryKey()!.Properties), StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<object?[]>(all.Count);
        void Place(object?[] row, int depth)
        {
            var key = KeyOf(row, type.FindPrimaryKey()!.Properties);
            if (depth > all.Count || !placed.Add(key))
            {
                return;
            }

            foreach (var reference in selfReferences)
            {
                if (reference.Properties.All(p => row[properties.IndexOf(p)] is not null)
                    && byKey.TryGetValue(KeyOf(row, reference.Properties), out var parent))
                {
                    placed.Remove(key);
                    Place(parent, depth + 1);
                    placed.Add(key);
                }
            }

            result.Add(row);
        }

        foreach (var row in all)
        {
            Place(row, 0);
        }

        foreach (var row in result)
        {
            yield return row;
        }
    }

    /// <summary>A table's rows as (primary-key values, all values), read through EF with the context's own mapping.</summary>
    private static async IAsyncEnumerable<(object?[] Key, object?[] Values)> Rows(AppDbContext db, IEntityType type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var properties = Columns(type);
        var keyIndexes = type.FindPrimaryKey()!.Properties.Select(k => properties.IndexOf(k)).ToArray();
        await foreach (var values in Raw(db, type, properties, cancellationToken))
        {
            yield return (keyIndexes.Select(k => values[k]).ToArray(), values);
        }
    }

    private static IAsyncEnumerable<object?[]> Raw(AppDbContext db, IEntityType type, IReadOnlyList<IProperty> properties, CancellationToken cancellationToken) =>
        (IAsyncEnumerable<object?[]>)ReadMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, properties, cancellationToken])!;

    // Every property of the entity type, shadow ones included, in name order (the checksum's column order).
    private static List<IProperty> Columns(IEntityType type) => [.. type.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal)];

    // db.Set<T>().Select(e => new object[] { EF.Property<P1>(e, "P1"), … }): the values as the app reads them.
    private static async IAsyncEnumerable<object?[]> Read<T>(AppDbContext db, IReadOnlyList<IProperty> properties, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var entity = Expression.Parameter(typeof(T), "e");
        var values = properties.Select(p => (Expression)Expression.Convert(
            Expression.Call(typeof(EF), nameof(EF.Property), [p.ClrType], entity, Expression.Constant(p.Name)), typeof(object)));
        var projection = Expression.Lambda<Func<T, object?[]>>(Expression.NewArrayInit(typeof(object), values), entity);
        await foreach (var row in db.Set<T>().AsNoTracking().Select(projection).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private static Task<long> Count<T>(AppDbContext db, CancellationToken cancellationToken)
        where T : class => db.Set<T>().LongCountAsync(cancellationToken);

    /// <summary>"Areas: 13" for every table with rows other than the model's seed rows.</summary>
    private static async Task<List<string>> RowsBesidesSeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        foreach (var type in TablesInOrder(db.Model))
        {
            var count = await (Task<long>)CountMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, cancellationToken])!;
            var seedKeys = SeedData(db, type).Select(s => KeyText(type.FindPrimaryKey()!.Properties.Select(p => s[p.Name]))).ToHashSet(StringComparer.Ordinal);
            if (seedKeys.Count > 0)
            {
                count = 0;
                await foreach (var row in Rows(db, type, cancellationToken))
                {
                    count += seedKeys.Contains(KeyText(row.Key)) ? 0 : 1;
                }
            }

            if (count > 0)
            {
                found.Add($"{type.GetTableName()}: {count}");
            }
        }

        return found;
    }

    // Seed rows (HasData) are kept only in the design-time model, not in the model a context runs with.
    private static IEnumerable<IDictionary<string, object?>> SeedData(AppDbContext db, IEntityType type) =>
        db.GetService<IDesignTimeModel>().Model.FindEntityType(type.Name)?.GetSeedData() ?? [];

    private static string KeyText(IEnumerable<object?> key) =>
        string.Join("\u001f", key.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));

    private static string Table(AppDbContext db, IEntityType type) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(type.GetTableName()!, type.GetSchema());
}
