using System.Globalization;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.CopyStore;

/// <summary>
/// <c>copy-store --from ENGINE:CONNECTION --to ENGINE:CONNECTION --user NAME [--lang en]</c>: copies a whole
/// store — every table of the model: areas, populations, targets, every revision and its counts, kept files,
/// sign-offs, the audit log, users, roles, tokens, settings, data-protection keys — into an empty store of either
/// engine (e.g. <c>--from sqlite:data/bluezone.db --to "postgres:Host=db;Database=bluezone;Username=bluezone"</c>),
/// and back. The target is migrated to the current schema and must hold no rows; the copy is one transaction on the
/// target that commits only when every table read back has the source's row count and checksum; then an audit row
/// on the target says who copied what from where (docs/decisions/089). <c>--user</c> names an enabled
/// administrator of the whole tree in the source store. Exit 0 when copied and verified; 1 when refused or failed
/// (the target holds no row of the source); 2 for a usage error or an account that may not copy.
/// </summary>
public static class CopyStoreCommand
{
    public const string Verb = "copy-store";

    private const string Usage = "Cách dùng / usage: copy-store --from sqlite:data/bluezone.db --to \"postgres:Host=…;Database=…;Username=…\" --user NAME [--lang en]";

    /// <summary>Whether the command line asks for this verb.</summary>
    public static bool Matches(string[] args) => args is [Verb, ..];

    /// <summary>Runs the verb; relative SQLite paths are taken from the current folder (the app's folder under <c>dotnet run</c>).</summary>
    /// <param name="args">The command line, starting with the verb.</param>
    /// <param name="output">Where the table of counts and checksums goes.</param>
    /// <param name="error">Where refusals and failures go.</param>
    /// <param name="configureTarget">More options for the target's context (tests inject a failure through an interceptor).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<DbContextOptionsBuilder>? configureTarget = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var en = Option("--lang") == "en";
        var root = Directory.GetCurrentDirectory();
        var from = StoreLocation.Parse(Option("--from"), root, out var fromProblem);
        var to = StoreLocation.Parse(Option("--to"), root, out var toProblem);
        var userName = Option("--user");
        if (from is null || to is null || string.IsNullOrWhiteSpace(userName))
        {
            foreach (var (name, problem) in new[] { ("--from", fromProblem), ("--to", toProblem) }.Where(p => p.Item2 is not null))
            {
                await error.WriteLineAsync(problem switch
                {
                    "engine" => en ? $"{name} must be sqlite:FILE or postgres:CONNECTION-STRING." : $"{name} phải có dạng sqlite:TỆP hoặc postgres:CHUỖI-KẾT-NỐI.",
                    "memory" => en ? $"{name}: an in-memory SQLite database is not a store that outlives the command." : $"{name}: cơ sở dữ liệu SQLite trong bộ nhớ không tồn tại sau lệnh, không dùng được.",
                    _ => $"{name}: {problem}",
                });
            }

            await error.WriteLineAsync(Usage);
            return 2;
        }

        if (from.Describe() == to.Describe())
        {
            await error.WriteLineAsync(en ? "The source and the target are the same store." : "Nguồn và đích là cùng một kho dữ liệu.");
            return 2;
        }

        if (from.SqliteFile is { } sourceFile && !File.Exists(sourceFile))
        {
            await error.WriteLineAsync(en
                ? $"No SQLite file at {sourceFile} (a relative path is taken from {root}). Nothing was written."
                : $"Không có tệp SQLite tại {sourceFile} (đường dẫn tương đối tính từ {root}). Không có gì được ghi.");
            return 1;
        }

        await using var source = StoreProvider.CreateContext(from.Engine, from.ForReading());
        await using var target = StoreProvider.CreateContext(to.Engine, to.ForWriting(), configureTarget);
        var sourceName = from.Describe();
        var targetName = to.Describe();
        try
        {
            await StoreCopy.CheckSourceAsync(source, CancellationToken.None);
            var actor = await CopyingAdministrator.FindAsync(source, userName, CancellationToken.None);
            if (actor is null)
            {
                await error.WriteLineAsync(en
                    ? $"The account '{userName}' does not exist in the source, is disabled, or is not an administrator of the whole tree; only such an account may copy a store. Nothing was written."
                    : $"Tài khoản '{userName}' không có trong nguồn, đã bị vô hiệu hoá, hoặc không phải quản trị viên của toàn bộ địa bàn; chỉ tài khoản như vậy mới được sao chép kho. Không có gì được ghi.");
                return 2;
            }

            await output.WriteLineAsync(en ? $"Copying {sourceName} → {targetName}" : $"Sao chép {sourceName} → {targetName}");
            await StoreCopy.PrepareTargetAsync(target, CancellationToken.None);
            var tables = await StoreCopy.CopyAsync(source, target, async (checks, ct) =>
            {
                target.AuditLog.Add(AuditLog.Create(null, TimeProvider.System, AuditKinds.StoreCopied, Truncate(sourceName, 256), before: null, after: new
                {
                    From = sourceName,
                    To = targetName,
                    Via = Verb,
                    Machine = Environment.MachineName,
                    OsUser = Environment.UserName,
                    Tables = checks.Select(c => new { Table = c.Name, Rows = c.TargetRows, c.TargetSha256 }),
                }, actor.Name));
                await target.SaveChangesAsync(ct);
            }, CancellationToken.None);
            await PrintAsync(output, tables, en);
            await output.WriteLineAsync(en
                ? $"Copied {tables.Count} tables, {VietnameseFormat.Count(tables.Sum(t => t.TargetRows))} rows; every table read back equals the source. The target's audit log records the copy (one row more than the source's)."
                : $"Đã sao chép {tables.Count} bảng, {VietnameseFormat.Count(tables.Sum(t => t.TargetRows))} dòng; mọi bảng đọc lại ở đích khớp với nguồn. Nhật ký của đích ghi lại lần sao chép này (hơn nguồn một dòng).");
            return 0;
        }
        catch (StoreCopyRefusedException refused)
        {
            if (refused.Reason == StoreCopyRefusal.Mismatch)
            {
                await PrintAsync(error, refused.Tables, en);
            }

            await error.WriteLineAsync(Refusal(refused, sourceName, targetName, en));
            return 1;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // Reported, not swallowed: the exit code says it failed, and the message says what and where.
            await error.WriteLineAsync(en
                ? $"The copy failed: {failure.GetBaseException().Message}. It was one transaction on the target, rolled back: the target holds no row of the source (its schema may have been created)."
                : $"Sao chép không thành công: {failure.GetBaseException().Message}. Việc ghi là một giao dịch trên đích và đã được huỷ: đích không có dòng nào của nguồn (có thể đã được tạo cấu trúc bảng).");
            return 1;
        }
    }

    private static string Refusal(StoreCopyRefusedException refused, string source, string target, bool en)
    {
        var details = string.Join("; ", refused.Details);
        return refused.Reason switch
        {
            StoreCopyRefusal.SourceNotAStore => en
                ? $"{source} is not a BluezoneTracker store (no migrations applied). Nothing was written."
                : $"{source} không phải kho dữ liệu BluezoneTracker (chưa có bước cấu trúc nào). Không có gì được ghi.",
            StoreCopyRefusal.SourceOutdated => en
                ? $"{source} has an older schema (not applied: {details}); start this version of the app on it once, then copy. Nothing was written."
                : $"{source} có cấu trúc cũ (chưa áp dụng: {details}); hãy chạy phiên bản này của ứng dụng trên nó một lần rồi sao chép. Không có gì được ghi.",
            StoreCopyRefusal.TargetOutdated => en
                ? $"{target} already holds a store (of an older schema). copy-store writes only into an empty database. Nothing was written."
                : $"{target} đã chứa một kho dữ liệu (cấu trúc cũ). copy-store chỉ ghi vào cơ sở dữ liệu trống. Không có gì được ghi.",
            StoreCopyRefusal.TargetNotEmpty => en
                ? $"{target} is not empty ({details}). copy-store never merges into or overwrites a store: use a new, empty database. Nothing was written."
                : $"{target} không trống ({details}). copy-store không bao giờ gộp vào hay ghi đè một kho: hãy dùng cơ sở dữ liệu mới, trống. Không có gì được ghi.",
            _ => en
                ? $"The copy was read back and differs from the source in: {details}. The transaction was rolled back: the target holds no row of the source."
                : $"Dữ liệu đọc lại ở đích khác nguồn ở bảng: {details}. Giao dịch đã được huỷ: đích không có dòng nào của nguồn.",
        };
    }

    /// <summary>One line per table: rows and the first 16 hex digits of each side's SHA-256 (the audit row keeps all 64).</summary>
    private static async Task PrintAsync(TextWriter writer, IReadOnlyList<StoreTableCheck> tables, bool en)
    {
        var width = Math.Max(24, tables.Count == 0 ? 0 : tables.Max(t => t.Name.Length) + 2);
        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{(en ? "Table" : "Bảng").PadRight(width)}{(en ? "Source" : "Nguồn"),10}{(en ? "Target" : "Đích"),10}  {(en ? "SHA-256 source" : "SHA-256 nguồn"),-16}  {(en ? "SHA-256 target" : "SHA-256 đích"),-16}"));
        foreach (var table in tables)
        {
            var verdict = table.Matches ? (en ? "ok" : "khớp") : (en ? "DIFFERENT" : "KHÁC");
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{table.Name.PadRight(width)}{VietnameseFormat.Count(table.SourceRows),10}{VietnameseFormat.Count(table.TargetRows),10}  {table.SourceSha256[..16]}  {table.TargetSha256[..16]}  {verdict}"));
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>The account a store copy runs as: an enabled Admin of the whole tree (no area, or the top area) in the source store.</summary>
internal static class CopyingAdministrator
{
    public static async Task<ActingUser?> FindAsync(AppDbContext source, string? userName, CancellationToken cancellationToken)
    {
        var normalized = userName?.Trim().ToUpperInvariant();
        var account = await source.Users.AsNoTracking()
            .Where(u => u.NormalizedUserName == normalized && !u.IsDisabled)
            .Select(u => new
            {
                u.UserName,
                WholeTree = u.AreaId == null || u.Area!.ParentId == null,
                AreaCode = u.Area == null ? null : u.Area.Code,
                Roles = source.UserRoles.Where(r => r.UserId == u.Id).Join(source.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (account is not { WholeTree: true } || !account.Roles.Contains(Roles.Admin))
        {
            return null;
        }

        var actor = ActingUser.CommandLine(account.UserName!, Roles.Admin, account.AreaCode);
        return actor.Has(Roles.Admin) ? actor : null;
    }
}
