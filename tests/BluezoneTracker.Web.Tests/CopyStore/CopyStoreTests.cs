using System.Data.Common;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.CopyStore;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BluezoneTracker.Web.Tests.CopyStore;

/// <summary>
/// The <c>copy-store</c> verb (#12 point 5): a whole store copied into an empty one and back, every table
/// verified by count and checksum, a half-done copy leaving the target empty. The source is always a SQLite
/// file with the demo data and a day's activity (a sign-in, an upload with its kept file, a sign-off, an API
/// token); the "run's engine" is PostgreSQL when BLUEZONE_TEST_POSTGRES is set (test.sh's second run), else SQLite.
/// </summary>
public sealed class CopyStoreTests : IDisposable
{
    private const string Admin = "test-admin";
    private readonly string _folder = Directory.CreateTempSubdirectory("bluezone-copy-").FullName;
    private readonly List<string> _databases = [];
    private readonly List<IDisposable> _apps = [];

    private static readonly Dictionary<string, string> Dispatch = new()
    {
        ["Dispatch.Number"] = "1002",
        ["Dispatch.Date"] = "2020-08-18",
        ["Dispatch.Place"] = "Sơn La",
        ["Dispatch.SignerTitle"] = "GIÁM ĐỐC",
        ["Dispatch.SignerName"] = "Nguyễn Đức Tĩnh",
    };

    private static StoreEngine RunsEngine => TestPostgres.Configured ? StoreEngine.Postgres : StoreEngine.Sqlite;

    public void Dispose()
    {
        foreach (var app in _apps)
        {
            app.Dispose();
        }

        foreach (var database in _databases)
        {
            TestPostgres.DropDatabase(database);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("national")]
    public async Task Copy_from_SQLite_to_SQLite_of_the_province_or_national_demo_keeps_every_table_users_files_sign_offs_audit_and_the_annex(string demo)
    {
        var (source, director, _) = await SourceWithActivityAsync(demo);
        var target = NewStore(StoreEngine.Sqlite, "copy");

        var (exit, output, error) = await CopyAsync(Sqlite(source.DatabasePath), target.Argument);

        Assert.True(exit == 0, error);
        using var model = Context(StoreEngine.Sqlite, "Data Source=:memory:");
        foreach (var table in StoreCopy.TablesInOrder(model.Model))
        {
            Assert.Matches($@"(?m)^{table.GetTableName()}\s+[\d.]+\s+[\d.]+\s+[0-9a-f]{{16}}\s+[0-9a-f]{{16}}\s+khớp$", output);
        }

        Assert.Contains("Đã sao chép", output, StringComparison.Ordinal);
        await AssertSameRowsAsync(Context(StoreEngine.Sqlite, $"Data Source={source.DatabasePath}"), target.Context(), copies: 1);

        // The copy is a working store: the same people sign in with the same passwords, and the annex is the same.
        var copy = App(target);
        var copiedDirector = await copy.SignInAsync("test-director", SignedInClients.Password);
        foreach (var url in AnnexUrls)
        {
            Assert.Equal(await director.GetStringAsync(new Uri(url, UriKind.Relative)), await copiedDirector.GetStringAsync(new Uri(url, UriKind.Relative)));
        }

        var audit = Assert.Single(await copy.AuditAsync(AuditKinds.StoreCopied));
        Assert.Equal(Admin, audit.UserName);
        Assert.Equal("sqlite:" + source.DatabasePath, audit.Subject);
        Assert.Contains("\"To\":\"sqlite:" + target.Path, audit.After, StringComparison.Ordinal);
        Assert.Contains("\"Table\":\"SnapshotRevisions\"", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_trip_from_SQLite_through_the_runs_engine_back_to_SQLite_keeps_every_table_and_the_annex_and_the_middle_store_takes_new_revisions()
    {
        var (source, director, token) = await SourceWithActivityAsync("national");
        var middle = NewStore(RunsEngine, "middle");
        var final = NewStore(StoreEngine.Sqlite, "final");

        var there = await CopyAsync(Sqlite(source.DatabasePath), middle.Argument);
        Assert.True(there.Exit == 0, there.Error);
        var back = await CopyAsync(middle.Argument, final.Argument);
        Assert.True(back.Exit == 0, back.Error);

        await AssertSameRowsAsync(Context(StoreEngine.Sqlite, $"Data Source={source.DatabasePath}"), final.Context(), copies: 2);
        var finalApp = App(final);
        var finalDirector = await finalApp.SignInAsync("test-director", SignedInClients.Password);
        foreach (var url in AnnexUrls)
        {
            Assert.Equal(await director.GetStringAsync(new Uri(url, UriKind.Relative)), await finalDirector.GetStringAsync(new Uri(url, UriKind.Relative)));
        }

        // The middle store goes on as a store of its own: the source's API token still works, and a new revision,
        // its file and its audit row get fresh keys (on PostgreSQL, the identity sequences were moved past the copied keys).
        var middleApp = App(middle);
        var staff = middleApp.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        staff.DefaultRequestHeaders.Authorization = token;
        var revisions = await middleApp.QueryAsync(db => db.SnapshotRevisions.CountAsync());
        using var body = new ByteArrayContent(IntakeClient.Corpus("names-utf8-semicolon-dotted.csv"));
        var response = await staff.PostAsync(new Uri("/api/areas/14/snapshots/2020-08-19", UriKind.Relative), body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(revisions + 1, await middleApp.QueryAsync(db => db.SnapshotRevisions.CountAsync()));
        Assert.Single(await middleApp.AuditAsync(AuditKinds.StoreCopied));
        Assert.Equal(2, (await finalApp.AuditAsync(AuditKinds.StoreCopied)).Count);
    }

    [Fact]
    public async Task A_failure_part_way_through_the_copy_leaves_the_target_on_the_runs_engine_empty_and_a_second_copy_then_succeeds()
    {
        var (source, _, _) = await SourceWithActivityAsync("true");
        var target = NewStore(RunsEngine, "failing");

        // The areas, users, revisions and files are already written when the first counts fail.
        var failing = new InsertInterceptor("SnapshotCounts", _ => throw new InvalidOperationException("disk full (injected)"));
        var (exit, _, error) = await CopyAsync(Sqlite(source.DatabasePath), target.Argument, failing);

        Assert.Equal(1, exit);
        Assert.True(failing.Seen > 0);
        Assert.Contains("disk full (injected)", error, StringComparison.Ordinal);
        Assert.Contains("đích không có dòng nào của nguồn", error, StringComparison.Ordinal);
        await AssertEmptyAsync(target.Context());

        var again = await CopyAsync(Sqlite(source.DatabasePath), target.Argument);
        Assert.True(again.Exit == 0, again.Error);
        await AssertSameRowsAsync(Context(StoreEngine.Sqlite, $"Data Source={source.DatabasePath}"), target.Context(), copies: 1);
    }

    [Fact]
    public async Task A_value_that_reads_back_different_fails_the_verification_prints_the_differing_table_and_leaves_the_target_on_the_runs_engine_empty()
    {
        var (source, _, _) = await SourceWithActivityAsync("true");
        var target = NewStore(RunsEngine, "altered");

        // A text value changed on its way in (as a lossy column type or encoding would): only the read-back can tell.
        var altering = new InsertInterceptor("Areas", command =>
        {
            var text = command.Parameters.Cast<DbParameter>().First(p => p.Value is string s && s.StartsWith("Huyện", StringComparison.Ordinal));
            text.Value = ((string)text.Value!).Normalize(NormalizationForm.FormD);
        });
        var (exit, _, error) = await CopyAsync(Sqlite(source.DatabasePath), target.Argument, altering);

        Assert.Equal(1, exit);
        Assert.Matches(@"(?m)^Areas\s+[\d.]+\s+[\d.]+\s+[0-9a-f]{16}\s+[0-9a-f]{16}\s+KHÁC$", error);
        Assert.Matches(@"(?m)^SnapshotCounts\s+.*khớp$", error);
        Assert.Contains("khác nguồn ở bảng: Areas", error, StringComparison.Ordinal);
        await AssertEmptyAsync(target.Context());
    }

    [Fact]
    public async Task A_target_on_the_runs_engine_that_holds_rows_is_refused_with_its_tables_named_and_left_unchanged()
    {
        var (source, _, _) = await SourceWithActivityAsync("true");
        var target = NewStore(RunsEngine, "full");
        Assert.Equal(0, (await CopyAsync(Sqlite(source.DatabasePath), target.Argument)).Exit);
        var before = await StoreCopy.ChecksumsAsync(target.Context(), CancellationToken.None);

        var (exit, output, error) = await CopyAsync(Sqlite(source.DatabasePath), target.Argument);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("Đã sao chép", output, StringComparison.Ordinal);
        Assert.Matches(@"không trống \(.*Areas: \d+.*\)", error);
        Assert.Contains("Không có gì được ghi.", error, StringComparison.Ordinal);
        Assert.Equal(before, await StoreCopy.ChecksumsAsync(target.Context(), CancellationToken.None));
    }

    [Fact]
    public async Task Bad_arguments_a_missing_source_file_and_an_account_that_is_not_a_whole_tree_administrator_are_refused_and_nothing_is_written()
    {
        var (source, _, _) = await SourceWithActivityAsync("true");
        var target = NewStore(StoreEngine.Sqlite, "refused");
        var from = Sqlite(source.DatabasePath);

        Assert.Equal(2, (await RunAsync("--from", "mysql:x", "--to", target.Argument, "--user", Admin)).Exit);
        Assert.Equal(2, (await RunAsync("--from", from, "--to", target.Argument)).Exit);
        Assert.Equal(2, (await RunAsync("--from", from, "--to", from, "--user", Admin)).Exit);
        var staff = await RunAsync("--from", from, "--to", target.Argument, "--user", "test-staff");
        Assert.Equal(2, staff.Exit);
        Assert.Contains("không phải quản trị viên", staff.Error, StringComparison.Ordinal);
        var missing = await RunAsync("--from", Sqlite(Path.Combine(_folder, "none.db")), "--to", target.Argument, "--user", Admin, "--lang", "en");
        Assert.Equal(1, missing.Exit);
        Assert.Contains("No SQLite file at", missing.Error, StringComparison.Ordinal);

        Assert.False(File.Exists(target.Path));
        Assert.False(File.Exists(Path.Combine(_folder, "none.db")));
    }

    [Fact]
    public void Every_table_of_the_model_is_copied_after_the_tables_its_foreign_keys_point_to()
    {
        using var db = Context(StoreEngine.Sqlite, "Data Source=:memory:");
        var order = StoreCopy.TablesInOrder(db.Model).ToList();

        Assert.Equal(
            db.Model.GetRelationalModel().Tables.Select(t => t.Name).Order(StringComparer.Ordinal),
            order.Select(t => t.GetTableName()!).Order(StringComparer.Ordinal));
        foreach (var (type, index) in order.Select((t, i) => (t, i)))
        {
            Assert.All(type.GetForeignKeys().Where(k => k.PrincipalEntityType != type), k => Assert.True(order.IndexOf(k.PrincipalEntityType) < index, $"{type.GetTableName()} before {k.PrincipalEntityType.GetTableName()}"));
        }
    }

    [Fact]
    public void The_checksum_reads_instants_as_UTC_microseconds_and_decimals_without_trailing_zeros_but_text_exactly_and_ignores_row_order()
    {
        static string Sum(params (object? Key, object?[] Values)[] rows)
        {
            var sum = new StoreChecksum();
            foreach (var (key, values) in rows)
            {
                sum.Add([key], values);
            }

            return sum.Sha256();
        }

        var utc = new DateTimeOffset(2020, 8, 17, 1, 2, 3, TimeSpan.Zero).AddTicks(1234560);
        var vietnam = utc.ToOffset(TimeSpan.FromHours(7)).AddTicks(5); // same microsecond, later tick
        Assert.Equal(Sum((1, [utc, 0.5m, "Mộc Châu"]), (2, [null, 1m, string.Empty])), Sum((2, [null, 1.000m, string.Empty]), (1, [vietnam, 0.50m, "Mộc Châu"])));
        Assert.NotEqual(Sum((1, [utc])), Sum((1, [utc.AddTicks(10)])));
        Assert.NotEqual(Sum((1, ["Mộc Châu"])), Sum((1, ["Mộc Châu".Normalize(NormalizationForm.FormD)])));
        Assert.NotEqual(Sum((1, [null])), Sum((1, [string.Empty])));
        Assert.NotEqual(Sum((1, [new byte[] { 1, 2 }])), Sum((1, [new byte[] { 1, 3 }])));
        Assert.Throws<NotSupportedException>(() => Sum((1, [new Uri("http://x")])));
    }

    private static readonly string[] AnnexUrls = ["/api/areas/14/annex?date=2020-08-17", "/api/areas/14/annex?date=2020-08-18", "/api/areas/14/annex?date=2020-08-18&compare=2020-08-12", "/api/annex?date=2020-08-17"];

    /// <summary>A SQLite demo store with a day's activity: an API upload (a kept file), a sign-off, sign-ins, an administrator.</summary>
    private async Task<(BluezoneAppFactory App, HttpClient Director, System.Net.Http.Headers.AuthenticationHeaderValue Token)> SourceWithActivityAsync(string demo)
    {
        var source = new SourceFactory(demo);
        _apps.Add(source);
        await source.EnsureUserAsync(Admin, Roles.Admin, SignedInClients.Password);
        var staff = await source.ApiClientAsync(Roles.Staff);
        await source.EnsureUserAsync("test-staff", Roles.Staff, SignedInClients.Password);
        var form = new MultipartFormDataContent { { new ByteArrayContent(IntakeClient.Corpus("template-numbers.xlsx")), "file", "so-lieu-18-8.xlsx" } };
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsync(new Uri("/api/areas/14/snapshots/2020-08-18", UriKind.Relative), form)).StatusCode);

        var director = await source.ClientForAsync(Roles.Director);
        var signing = await Html.ParseAsync(await director.GetAsync(new Uri("/areas/14/annex/signoff?date=2020-08-17", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, (await director.SubmitAsync((IHtmlFormElement)signing.QuerySelector("[data-testid=signoff-form]")!, Dispatch)).StatusCode);
        Assert.Equal(1, await source.QueryAsync(db => db.SignOffs.CountAsync()));
        Assert.True(await source.QueryAsync(db => db.UploadedFiles.AnyAsync()));
        Assert.True(await source.QueryAsync(db => db.DataProtectionKeys.AnyAsync()));
        return (source, director, staff.DefaultRequestHeaders.Authorization!);
    }

    private static string Sqlite(string path) => "sqlite:" + path;

    private static Task<(int Exit, string Output, string Error)> CopyAsync(string from, string to, IInterceptor? interceptor = null) =>
        RunAsync(interceptor, "--from", from, "--to", to, "--user", Admin);

    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunAsync(null, args);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(IInterceptor? interceptor, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CopyStoreCommand.RunAsync([CopyStoreCommand.Verb, .. args], output, error, interceptor is null ? null : o => o.AddInterceptors(interceptor));
        SqliteConnection.ClearAllPools();
        return (exit, output.ToString(), error.ToString());
    }

    private static AppDbContext Context(StoreEngine engine, string connectionString) => StoreProvider.CreateContext(engine, connectionString);

    /// <summary>A place for a new store: a SQLite file in a folder of its own, or a new, empty PostgreSQL database.</summary>
    private NewStoreAt NewStore(StoreEngine engine, string name)
    {
        var folder = Path.Combine(_folder, name + "_" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        if (engine == StoreEngine.Postgres)
        {
            // The name the app factory over this folder uses too (StoreApp), so both reach the same database.
            var database = "bz_" + Path.GetFileName(folder);
            TestPostgres.CreateDatabase(database);
            _databases.Add(database);
            return new NewStoreAt(engine, folder, database, "postgres:" + TestPostgres.ConnectionStringFor(database));
        }

        return new NewStoreAt(engine, folder, null, Sqlite(Path.Combine(folder, "bluezone.db")));
    }

    private StoreApp App(NewStoreAt store)
    {
        var app = new StoreApp(store);
        _apps.Add(app);
        return app;
    }

    /// <summary>Every table holds the same rows on both sides (count and checksum), except the audit log: the copies' own rows come last.</summary>
    private static async Task AssertSameRowsAsync(AppDbContext original, AppDbContext copy, int copies)
    {
        await using (original)
        await using (copy)
        {
            var expected = await StoreCopy.ChecksumsAsync(original, CancellationToken.None);
            var actual = await StoreCopy.ChecksumsAsync(copy, CancellationToken.None);
            Assert.Equal(expected.Where(t => t.Name != "AuditLog"), actual.Where(t => t.Name != "AuditLog"));

            // Independently of the checksum code: the rows an official would look at, field by field.
            static async Task<List<string>> Rows(AppDbContext db) =>
            [
                .. (await db.SnapshotRevisions.AsNoTracking().Include(r => r.Counts).OrderBy(r => r.Id).ToListAsync())
                    .Select(r => $"rev {r.Id} {r.AreaId} {r.Date} #{r.Number} {r.CreatedBy} {r.Source} {r.FileName} {r.Reason} {r.Unassigned} {r.UploadedFileId} {Micro(r.CreatedAt)} {string.Join(",", r.Counts.OrderBy(c => c.AreaId).Select(c => $"{c.AreaId}={c.Registrations}"))}"),
                .. (await db.UploadedFiles.AsNoTracking().OrderBy(f => f.Id).ToListAsync()).Select(f => $"file {f.Id} {f.Sha256} {f.FileName} {Convert.ToHexString(f.Content)}"),
                .. (await db.SignOffs.AsNoTracking().OrderBy(s => s.Id).ToListAsync()).Select(s => $"signoff {s.Id} {s.RevisionId} {s.SignedBy} {Micro(s.SignedAt)} {s.Annex}"),
                .. (await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync()).Select(u => $"user {u.Id} {u.UserName} {u.PasswordHash} {u.SecurityStamp} {u.AreaId} {u.IsDisabled}"),
                .. (await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync()).Select(a => $"area {a.Id} {a.Code} {a.Name} {a.ParentId} {a.Population}"),
                .. (await db.Targets.AsNoTracking().OrderBy(t => t.Id).ToListAsync()).Select(t => $"target {t.Id} {t.Share / 1.000000000000000000000000000000000m} {t.Deadline} {t.Basis}"),
            ];
            Assert.Equal(await Rows(original), await Rows(copy));

            var originalAudit = await original.AuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
            var copiedAudit = await copy.AuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(originalAudit.Count + copies, copiedAudit.Count);
            Assert.Equal(
                originalAudit.Select(a => $"{a.Id} {Micro(a.At)} {a.UserName} {a.IpAddress} {a.Kind} {a.Subject} {a.Before} {a.After}"),
                copiedAudit.Take(originalAudit.Count).Select(a => $"{a.Id} {Micro(a.At)} {a.UserName} {a.IpAddress} {a.Kind} {a.Subject} {a.Before} {a.After}"));
            Assert.All(copiedAudit.Skip(originalAudit.Count), a => Assert.Equal((AuditKinds.StoreCopied, Admin), (a.Kind, a.UserName)));
        }
    }

    private static string Micro(DateTimeOffset at) => StoreChecksum.ToMicroseconds(at).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>No table holds a row, but for the schema's own first data-version row.</summary>
    private static async Task AssertEmptyAsync(AppDbContext target)
    {
        await using (target)
        {
            var tables = await StoreCopy.ChecksumsAsync(target, CancellationToken.None);
            Assert.Contains(tables, t => t.Name == "SnapshotCounts");
            Assert.All(tables, t => Assert.True(t.Rows == (t.Name == "DataVersion" ? 1 : 0), $"{t.Name}: {t.Rows} rows"));
            Assert.Equal(1, await target.DataVersion.Where(v => v.Value == 1).CountAsync());
        }
    }

    private sealed class SourceFactory(string demo) : BluezoneAppFactory
    {
        /// <summary>The source of every copy here is a SQLite file (a province's store as deployed today).</summary>
        public override StoreEngine Engine => StoreEngine.Sqlite;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:Demo"] = demo };
    }

    private sealed record NewStoreAt(StoreEngine Engine, string Folder, string? Database, string Argument)
    {
        public string Path => System.IO.Path.Combine(Folder, "bluezone.db");

        public AppDbContext Context() => Engine == StoreEngine.Postgres
            ? StoreProvider.CreateContext(Engine, TestPostgres.ConnectionStringFor(Database!))
            : StoreProvider.CreateContext(Engine, $"Data Source={Path}");
    }

    /// <summary>The app over a copied store (the folder and database belong to the test class); it seeds nothing.</summary>
    private sealed class StoreApp(NewStoreAt store) : BluezoneAppFactory(store.Folder, ownsFolder: false)
    {
        public override StoreEngine Engine => store.Engine;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:Demo"] = "false" };
    }

    /// <summary>Acts on the copy's INSERT statements into one table (a failure, or a changed value).</summary>
    private sealed class InsertInterceptor(string table, Action<DbCommand> act) : DbCommandInterceptor
    {
        public int Seen { get; private set; }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Act(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Act(command);
            return ValueTask.FromResult(result);
        }

        private void Act(DbCommand command)
        {
            if (command.CommandText.StartsWith("INSERT INTO", StringComparison.Ordinal) && command.CommandText.Contains($"\"{table}\"", StringComparison.Ordinal))
            {
                Seen++;
                act(command);
            }
        }
    }
}
