using System.Net;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Infrastructure;
using BluezoneTracker.Web.Snapshots;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>
/// "A date with counts needs a reason", "the revision previewed is still current" and "a signed-off date needs a
/// Director" are checked inside the write transaction, so that concurrent writers and other processes cannot slip past.
/// </summary>
public sealed class RulesInsideTheWriteTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static readonly DateOnly NewDate = new(2020, 8, 18);

    private Task<int> RevisionsOfAsync(DateOnly date) => _factory.QueryAsync(db => db.SnapshotRevisions.CountAsync(r => r.Date == date));

    private async Task<IntakeResult> SaveGridAsync(long plus, string? reason, Barrier? barrier = null)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<SnapshotIntake>();
        var counts = Core.Seed.SonLa.OnReportDate.Registrations.ToDictionary(c => c.Key, c => (string?)(c.Value + plus).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var draft = await intake.FromGridAsync("2020-08-18", counts, "30", CancellationToken.None);
        barrier?.SignalAndWait(TimeSpan.FromSeconds(30));
        return await intake.SaveAsync(draft, RevisionSource.Form, reason, new ActingUser(ActorKind.Person, "test-writer", Roles.Staff, null), warningsConfirmed: true, CancellationToken.None);
    }

    [Fact]
    public async Task Two_first_saves_of_a_date_started_together_store_one_and_refuse_the_other_for_want_of_a_reason()
    {
        _ = _factory.Services; // the app starts once, before the writers race
        for (var round = 0; round < 5; round++)
        {
            var date = NewDate;
            using var barrier = new Barrier(2);
            var results = await Task.WhenAll(
                Task.Run(() => SaveGridAsync(100 + round, reason: null, barrier)),
                Task.Run(() => SaveGridAsync(200 + round, reason: null, barrier)));
            if (round == 0)
            {
                Assert.Single(results, r => r.Saved);
                var refused = Assert.Single(results, r => !r.Saved);
                Assert.Equal(ImportProblemKind.ReasonRequired, Assert.Single(refused.Problems).Kind);
                Assert.Equal(1, await RevisionsOfAsync(date));
            }
            else
            {
                // The date has counts now: without a reason neither may write.
                Assert.All(results, r => Assert.Equal(ImportProblemKind.ReasonRequired, Assert.Single(r.Problems).Kind));
                Assert.Equal(1, await RevisionsOfAsync(date));
            }
        }
    }

    [Fact]
    public async Task Two_corrections_of_the_same_revision_started_together_store_one_and_refuse_the_other_as_moved_on()
    {
        Assert.True((await SaveGridAsync(100, null)).Saved);
        using var barrier = new Barrier(2);
        var results = await Task.WhenAll(
            Task.Run(() => SaveGridAsync(300, "lần A", barrier)),
            Task.Run(() => SaveGridAsync(400, "lần B", barrier)));
        Assert.Single(results, r => r.Saved);
        var refused = Assert.Single(results, r => !r.Saved);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal(ImportProblemKind.RevisionMoved, problem.Kind);
        Assert.Equal(("1", "2"), (problem.Value, problem.Other));
        Assert.Equal(2, await RevisionsOfAsync(NewDate));
    }

    [Fact]
    public async Task The_import_verb_saving_between_a_preview_and_its_save_makes_the_save_refuse_and_write_nothing()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<SnapshotIntake>();
        // Counts other than the import verb's (counts identical to the current revision are refused as unchanged, before these rules).
        var mine = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(IntakeClient.Corpus("template-utf8-bom-comma.csv")).Replace(",21206", ",21207", StringComparison.Ordinal));
        var draft = await intake.FromFileAsync("2020-08-18", new UploadedFile("18-8.csv", mine), CancellationToken.None);
        Assert.False(draft.IsRevision);

        await _factory.EnsureUserAsync("lich-nhap", Roles.Staff, SignedInClients.Password);
        var file = Path.Combine(_factory.Folder, "18-8.xlsx");
        await File.WriteAllBytesAsync(file, IntakeClient.Corpus("template-numbers.xlsx"));
        var (exit, _, error) = await ImportProcess.RunAsync(_factory, "--user", "lich-nhap", "--date", "2020-08-18", "--file", file);
        Assert.True(exit == 0, error);

        var withoutReason = await intake.SaveAsync(draft, RevisionSource.File, null, new ActingUser(ActorKind.Person, "test", Roles.Staff, null), warningsConfirmed: true, CancellationToken.None);
        Assert.Equal(ImportProblemKind.ReasonRequired, Assert.Single(withoutReason.Problems).Kind);
        var withReason = await intake.SaveAsync(draft, RevisionSource.File, "bản của tôi", new ActingUser(ActorKind.Person, "test", Roles.Staff, null), warningsConfirmed: true, CancellationToken.None);
        Assert.Equal(ImportProblemKind.RevisionMoved, Assert.Single(withReason.Problems).Kind);
        Assert.Equal(1, await RevisionsOfAsync(NewDate));
    }

    [Fact]
    public async Task A_signed_off_date_is_revised_by_the_import_verb_only_as_a_director_and_the_revision_is_recorded_under_that_name()
    {
        var director = await _factory.ClientForAsync(Roles.Director);
        await director.SubmitAsync("/annex/signoff?date=2020-08-17", "[data-testid=signoff-form]");
        await _factory.EnsureUserAsync("lich-nhap", Roles.Staff, SignedInClients.Password);
        await _factory.EnsureUserAsync("lich-duyet", Roles.Director, SignedInClients.Password);
        await _factory.EnsureUserAsync("lich-xem", Roles.Viewer, SignedInClients.Password);
        var file = Path.Combine(_factory.Folder, "17-8.csv");
        await File.WriteAllBytesAsync(file, IntakeClient.Corpus("template-utf8-bom-comma.csv"));

        var viewer = await ImportProcess.RunAsync(_factory, "--user", "lich-xem", "--date", "2020-08-17", "--file", file, "--reason", "sửa");
        Assert.Equal(2, viewer.Exit);
        Assert.Contains("không được nhập số liệu", viewer.Error, StringComparison.Ordinal);
        var unknown = await ImportProcess.RunAsync(_factory, "--user", "khong-co", "--date", "2020-08-17", "--file", file, "--reason", "sửa");
        Assert.Equal(2, unknown.Exit);

        var staff = await ImportProcess.RunAsync(_factory, "--user", "lich-nhap", "--date", "2020-08-17", "--file", file, "--reason", "sửa");
        Assert.Equal(1, staff.Exit);
        Assert.Contains("đã được lãnh đạo duyệt", staff.Error, StringComparison.Ordinal);
        Assert.Equal(1, await RevisionsOfAsync(new DateOnly(2020, 8, 17)));

        var directorRun = await ImportProcess.RunAsync(_factory, "--user", "lich-duyet", "--date", "2020-08-17", "--file", file, "--reason", "sửa");
        Assert.True(directorRun.Exit == 0, directorRun.Error);
        var (createdBy, audited) = await _factory.QueryAsync(async db => (
            await db.SnapshotRevisions.Where(r => r.Date == new DateOnly(2020, 8, 17) && r.Number == 2).Select(r => r.CreatedBy).SingleAsync(),
            await db.AuditLog.Where(a => a.Kind == "RevisionAdded" && a.Subject == "14 2020-08-17").OrderBy(a => a.Id).Select(a => a.UserName).LastAsync()));
        Assert.Equal("lich-duyet", createdBy);
        Assert.Equal("lich-duyet", audited);
    }

    [Fact]
    public async Task A_partial_file_for_a_date_with_counts_must_say_replace_or_update()
    {
        var api = await _factory.ApiClientAsync(Roles.Staff);
        var partial = "Huyện,Số đăng ký\nThành phố Sơn La,21.500\n"u8.ToArray();
        using (var content = new ByteArrayContent(partial))
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            var refused = await api.PostAsync(new Uri("/api/snapshots/2020-08-17?reason=sua", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("replace", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var content = new ByteArrayContent(partial))
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            var bad = await api.PostAsync(new Uri("/api/snapshots/2020-08-17?reason=sua&mode=merge", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        }

        Assert.Equal(1, await RevisionsOfAsync(new DateOnly(2020, 8, 17)));
        using (var content = new ByteArrayContent(partial))
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            var updated = await api.PostAsync(new Uri("/api/snapshots/2020-08-17?reason=sua&mode=update", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.Created, updated.StatusCode);
        }

        var counts = await _factory.QueryAsync(async db =>
        {
            var id = await db.SnapshotRevisions.Where(r => r.Date == new DateOnly(2020, 8, 17)).OrderByDescending(r => r.Number).Select(r => new { r.Id, r.Unassigned }).FirstAsync();
            return (await db.SnapshotCounts.Where(c => c.RevisionId == id.Id).Select(c => new { c.Area!.Code, c.Registrations }).ToDictionaryAsync(c => c.Code, c => c.Registrations), id.Unassigned);
        });
        Assert.Equal(12, counts.Item1.Count);
        Assert.Equal(21_500, counts.Item1["116"]);
        Assert.Equal(Core.Seed.SonLa.OnReportDate.Registrations["123"], counts.Item1["123"]);
        Assert.Equal(27, counts.Unassigned);

        using var unknown = new ByteArrayContent("Huyện,Số đăng ký\nHuyện Mường Lát,100\n"u8.ToArray());
        unknown.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.PostAsync(new Uri("/api/snapshots/2020-08-17?reason=sua&mode=update", UriKind.Relative), unknown)).StatusCode);
        Assert.Equal(2, await RevisionsOfAsync(new DateOnly(2020, 8, 17)));
    }

    /// <summary>
    /// A fresh user's trial (round 10): an update with every district and no unassigned row set the date's unassigned
    /// count from 33 to 0 — "every district is there" was taken for "the whole date". Leaving the unassigned count out
    /// is partial input too: asked without a mode, kept by update, set to 0 only by an explicit replace.
    /// </summary>
    [Fact]
    public async Task A_file_with_every_area_but_no_unassigned_count_must_say_replace_or_update_and_update_keeps_it()
    {
        var api = await _factory.ApiClientAsync(Roles.Staff);
        var date = new DateOnly(2020, 8, 17);
        var seed = Core.Seed.SonLa.OnReportDate;
        Assert.NotEqual(0, seed.Unassigned);
        var csv = System.Text.Encoding.UTF8.GetBytes("Mã,Số đăng ký\n" + string.Concat(seed.Registrations.Select(c => $"{c.Key},{c.Value + 1}\n")));

        async Task<HttpResponseMessage> PostAsync(string query)
        {
            using var content = new ByteArrayContent(csv);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            return await api.PostAsync(new Uri($"/api/snapshots/2020-08-17?reason=sua{query}", UriKind.Relative), content);
        }

        Task<(Dictionary<string, long> Counts, long Unassigned)> CurrentAsync() => _factory.QueryAsync(async db =>
        {
            var id = await db.SnapshotRevisions.Where(r => r.Date == date).OrderByDescending(r => r.Number).Select(r => new { r.Id, r.Unassigned }).FirstAsync();
            return (await db.SnapshotCounts.Where(c => c.RevisionId == id.Id).Select(c => new { c.Area!.Code, c.Registrations }).ToDictionaryAsync(c => c.Code, c => c.Registrations), id.Unassigned);
        });

        var asked = await PostAsync(string.Empty);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, asked.StatusCode);
        var text = await asked.Content.ReadAsStringAsync();
        Assert.Contains($"ngày này đang có {seed.Unassigned}", text, StringComparison.Ordinal);
        Assert.Contains("update", text, StringComparison.Ordinal);
        Assert.Equal(1, await RevisionsOfAsync(date));

        Assert.Equal(HttpStatusCode.Created, (await PostAsync("&mode=update")).StatusCode);
        var updated = await CurrentAsync();
        Assert.Equal(seed.Unassigned, updated.Unassigned);
        Assert.All(seed.Registrations, c => Assert.Equal(c.Value + 1, updated.Counts[c.Key]));

        csv = System.Text.Encoding.UTF8.GetBytes("Mã,Số đăng ký\n" + string.Concat(seed.Registrations.Select(c => $"{c.Key},{c.Value + 2}\n")));
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("&mode=replace")).StatusCode);
        Assert.Equal(0, (await CurrentAsync()).Unassigned);
        Assert.Equal(3, await RevisionsOfAsync(date));
    }
}
