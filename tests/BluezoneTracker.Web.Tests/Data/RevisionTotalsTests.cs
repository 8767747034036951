using System.Globalization;
using System.Net;
using System.Text;
using BluezoneTracker.Benchmarks;
using BluezoneTracker.Core.Seed;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Data;

/// <summary>
/// The per-revision totals (docs/decisions/092) equal the sum and number of their revision's count rows after every
/// kind of write, are untouched by a write that fails, and are filled at start-up for a store that lacks them.
/// </summary>
public sealed class RevisionTotalsTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_kind_of_write_leaves_each_revision_total_equal_to_its_rows()
    {
        await AssertTotalsMatchRowsAsync(_factory, revisions: 2);
        var staff = await _factory.ClientForAsync(Roles.Staff);

        // The grid of /snapshots/new.
        var grid = new Dictionary<string, string> { ["Date"] = "2020-08-18", ["Unassigned"] = "30", ["ConfirmWarnings"] = "true" };
        foreach (var (code, registrations) in SonLa.OnReportDate.Registrations)
        {
            grid[$"Counts[{code}]"] = (registrations + 50).ToString("#,0", CultureInfo.GetCultureInfo("vi-VN"));
        }

        var form = await Html.ParseAsync(await staff.GetAsync(new Uri("/snapshots/new", UriKind.Relative)));
        var saved = await IntakeClient.PostFormAsync(staff, form, "[data-testid=grid]", "/snapshots/new", grid);
        Assert.Equal("/snapshots/2020-08-18", saved.RequestMessage!.RequestUri!.AbsolutePath);
        await AssertTotalsMatchRowsAsync(_factory, revisions: 3);

        // An upload on /snapshots/upload, then a second revision of the same date with a reason.
        var (_, preview) = await IntakeClient.PreviewAsync(staff, "2020-08-19", "19-8.csv", IntakeClient.Corpus("template-utf8-bom-comma.csv"));
        Assert.Equal(HttpStatusCode.OK, (await IntakeClient.ConfirmAsync(staff, preview, confirmWarnings: true)).StatusCode);
        await AssertTotalsMatchRowsAsync(_factory, revisions: 4);
        // The correction changes one count: counts equal to the current revision are refused as unchanged.
        var corrected = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(IntakeClient.Corpus("template-utf8-bom-comma.csv")).Replace("123,Huyện Mộc Châu,11446", "123,Huyện Mộc Châu,11500", StringComparison.Ordinal));
        (_, preview) = await IntakeClient.PreviewAsync(staff, "2020-08-19", "19-8-sua.csv", corrected);
        Assert.Equal(HttpStatusCode.OK, (await IntakeClient.ConfirmAsync(staff, preview, reason: "Số sửa", confirmWarnings: true)).StatusCode);
        await AssertTotalsMatchRowsAsync(_factory, revisions: 5);

        // The API.
        var api = await _factory.ApiClientAsync(Roles.Staff);
        var posted = await api.PostAsync(new Uri("/api/snapshots/2020-08-20", UriKind.Relative), new ByteArrayContent(IntakeClient.Corpus("template-utf8-bom-comma.csv")));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        await AssertTotalsMatchRowsAsync(_factory, revisions: 6);

        // A restore of an older revision (#1 of 19/8) as a new one.
        var history = await Html.ParseAsync(await staff.GetAsync(new Uri("/snapshots/2020-08-19", UriKind.Relative)));
        var restored = await IntakeClient.PostFormAsync(staff, history, "[data-testid=restore-form]", "/snapshots/2020-08-19?handler=Restore",
            new Dictionary<string, string> { ["number"] = "1", ["reason"] = "Bản sửa bị nhầm" });
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        await AssertTotalsMatchRowsAsync(_factory, revisions: 7);

        // The import verb, in a process of its own.
        await _factory.EnsureUserAsync("lich-nhap", Roles.Staff, SignedInClients.Password);
        var file = Path.Combine(_factory.Folder, "21-8.xlsx");
        await File.WriteAllBytesAsync(file, IntakeClient.Corpus("template-numbers.xlsx"));
        var (exit, _, error) = await ImportProcess.RunAsync(_factory, "--user", "lich-nhap", "--date", "2020-08-21", "--file", file);
        Assert.True(exit == 0, error);
        await AssertTotalsMatchRowsAsync(_factory, revisions: 8);
    }

    [Fact]
    public async Task A_write_that_fails_leaves_the_totals_as_they_were()
    {
        var before = await TotalsFingerprintAsync(_factory);

        // Refused by a rule inside the write (a date with counts needs a reason).
        var api = await _factory.ApiClientAsync(Roles.Staff);
        var refused = await api.PostAsync(new Uri("/api/snapshots/2020-08-17", UriKind.Relative), new ByteArrayContent(IntakeClient.Corpus("template-utf8-bom-comma.csv")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(before, await TotalsFingerprintAsync(_factory));

        // Refused by the store half-way through the save: a count row of an area that does not exist.
        await _factory.QueryAsync(async db =>
        {
            var province = await db.Areas.SingleAsync(a => a.Code == SonLa.ProvinceCode);
            var district = await db.Areas.FirstAsync(a => a.ParentId == province.Id);
            var revision = NewRevision(province.Id, new DateOnly(2020, 8, 18));
            revision.Counts.Add(new SnapshotCountEntity { AreaId = district.Id, Registrations = 5 });
            revision.Counts.Add(new SnapshotCountEntity { AreaId = int.MaxValue, Registrations = 7 });
            db.SnapshotRevisions.Add(revision);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            return 0;
        });
        Assert.Equal(before, await TotalsFingerprintAsync(_factory));
    }

    [Fact]
    public async Task A_store_with_revisions_but_no_totals_gets_them_at_start_up_and_reads_are_right_meanwhile()
    {
        var totalsBefore = await SeriesAsync(_factory);
        var removed = await _factory.QueryAsync(db => db.Set<RevisionTotalEntity>().ExecuteDeleteAsync());
        Assert.Equal(2, removed);

        // Until start-up fills them, a reader sums the rows of a revision without totals.
        _factory.Services.GetRequiredService<DataVersion>().Bump();
        Assert.Equal(totalsBefore, await SeriesAsync(_factory));

        using var restarted = new SameStore(_factory.Folder);
        await AssertTotalsMatchRowsAsync(restarted, revisions: 2);
        Assert.Equal(totalsBefore, await SeriesAsync(restarted));

        // Idempotent: nothing is missing any more, nothing is written again.
        Assert.Equal(0, await restarted.QueryAsync(db => RevisionTotals.FillMissingAsync(db)));
    }

    [Fact]
    public async Task Parent_and_child_snapshots_of_a_three_level_tree_have_their_totals_and_the_differences_use_them()
    {
        using var factory = new TreeFactory();
        var tree = ScaleTree.Of(4, 10, 5);
        _ = factory.Services; // starts the app, which creates the schema
        await ScaleTree.FillAsync($"Data Source={factory.DatabasePath}", tree);
        factory.Services.GetRequiredService<DataVersion>().Bump();
        await AssertTotalsMatchRowsAsync(factory, revisions: 5 * (1 + 4));
        Assert.Empty(await CountryWarningsAsync(factory));

        // A province revises its last date upwards by 100 through the save every writer uses: its own total now
        // differs from its row in the country's snapshot, by exactly that.
        var lastDay = ScaleShape.FirstDate.AddDays(4);
        var province = tree.Provinces[^1];
        await factory.QueryAsync(async db =>
        {
            var area = await db.Areas.SingleAsync(a => a.Code == province.Code);
            var communes = await db.Areas.Where(a => a.ParentId == area.Id).OrderBy(a => a.Code).ToListAsync();
            var revision = NewRevision(area.Id, lastDay);
            revision.Number = 2;
            revision.Unassigned = ScaleTree.Unassigned(4);
            revision.Counts.AddRange(communes.Select((c, i) => new SnapshotCountEntity
            {
                AreaId = c.Id,
                Registrations = ScaleTree.Registrations(tree.Communes[^1][i], 4) + (i == 0 ? 100 : 0),
            }));
            db.SnapshotRevisions.Add(revision);
            return await db.SaveChangesAsync();
        });
        factory.Services.GetRequiredService<DataVersion>().Bump();
        await AssertTotalsMatchRowsAsync(factory, revisions: (5 * (1 + 4)) + 1);

        var warning = Assert.Single(await CountryWarningsAsync(factory));
        var expected = ScaleTree.Unassigned(4) + tree.Communes[^1].Sum(c => ScaleTree.Registrations(c, 4));
        Assert.Equal(province.Code, warning.AreaCode);
        Assert.Equal(lastDay, warning.Date);
        Assert.Equal(Core.Figures.DataWarningKind.TwoSourcesDiffer, warning.Kind);
        Assert.Equal((expected + 100, expected), (warning.Value, warning.Other));
    }

    /// <summary>Every revision has exactly one totals row, equal to the sum and number of its count rows (computed here, not by SQL).</summary>
    private static async Task AssertTotalsMatchRowsAsync(BluezoneAppFactory factory, int revisions)
    {
        await factory.QueryAsync(async db =>
        {
            var ids = await db.SnapshotRevisions.Select(r => new { r.Id }).ToListAsync();
            var rows = (await db.SnapshotCounts.Select(c => new { c.RevisionId, c.Registrations }).ToListAsync()).ToLookup(c => c.RevisionId, c => c.Registrations);
            var totals = await db.Set<RevisionTotalEntity>().ToDictionaryAsync(t => t.RevisionId);
            Assert.Equal(revisions, ids.Count);
            Assert.Equal(ids.Count, totals.Count);
            foreach (var revision in ids)
            {
                var total = totals[revision.Id];
                Assert.Equal((rows[revision.Id].Sum(), rows[revision.Id].Count()), (total.Registrations, total.Rows));
            }

            return 0;
        });
    }

    private static Task<string> TotalsFingerprintAsync(BluezoneAppFactory factory) => factory.QueryAsync(async db =>
        string.Join(',', (await db.Set<RevisionTotalEntity>().OrderBy(t => t.RevisionId).ToListAsync())
            .Select(t => $"{t.RevisionId}:{t.Registrations}:{t.Rows}")));

    /// <summary>The deployment area's total series as the dashboard reads it.</summary>
    private static async Task<string> SeriesAsync(BluezoneAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var catalog = (await scope.ServiceProvider.GetRequiredService<FiguresQuery>().CatalogAsync(null))!;
        var series = await scope.ServiceProvider.GetRequiredService<SeriesQuery>().TotalsAsync(catalog);
        return string.Join(',', series.Select(p => $"{p.Date}={p.Registrations}"));
    }

    private static async Task<IReadOnlyList<Core.Figures.DataWarning>> CountryWarningsAsync(BluezoneAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AreaHistoryQuery>().ForAsync(ScaleData.MinistryCode))!.Warnings;
    }

    private static SnapshotRevisionEntity NewRevision(int areaId, DateOnly date) => new()
    {
        AreaId = areaId,
        Date = date,
        Number = 1,
        CreatedAt = DateTimeOffset.UnixEpoch,
        CreatedBy = "test",
        Source = RevisionSource.Form,
    };

    private sealed class SameStore(string folder) : BluezoneAppFactory(folder, ownsFolder: false);

    /// <summary>SQLite whatever the run: the tree is bulk-written straight into the SQLite file (bench/BulkCounts).</summary>
    private sealed class TreeFactory : BluezoneAppFactory
    {
        public override StoreEngine Engine => StoreEngine.Sqlite;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "false",
            ["Deployment:AreaCode"] = ScaleData.MinistryCode,
        };
    }
}
