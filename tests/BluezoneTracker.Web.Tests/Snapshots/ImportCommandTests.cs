using BluezoneTracker.Web.Snapshots;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>The "import" verb, run in-process as Program runs it, against a SQLite file of its own.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bluezone-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string Database => Path.Combine(_folder, "cli.db");

    private string CorpusFile(string name)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, IntakeClient.Corpus(name));
        return path;
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        await CliAccounts.EnsureStaffAsync(Database);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ImportCommand.RunAsync(["import", "--user", CliAccounts.Staff, .. args, "--ConnectionStrings:Default", $"Data Source={Database}"], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<long> RevisionsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM SnapshotRevisions";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Dry_run_prints_the_preview_and_saves_nothing()
    {
        var (exit, output, _) = await RunAsync("--date", "2020-08-18", "--file", CorpusFile("names-windows1258-semicolon.csv"), "--dry-run");
        Assert.Equal(0, exit);
        Assert.Contains("Tỉnh Sơn La, ngày 18/8/2020: 12 dòng, tổng 85.329", output, StringComparison.Ordinal);
        Assert.Contains("Chạy thử: chưa lưu gì.", output, StringComparison.Ordinal);
        Assert.Equal(2, await RevisionsAsync());
    }

    [Fact]
    public async Task Import_saves_a_revision_and_says_so()
    {
        var (exit, output, _) = await RunAsync("--date", "2020-08-18", "--file", CorpusFile("template-numbers.xlsx"));
        Assert.Equal(0, exit);
        Assert.EndsWith("Đã lưu bản #1 của ngày 18/8/2020." + Environment.NewLine, output, StringComparison.Ordinal);
        Assert.Equal(3, await RevisionsAsync());

        var (again, _, error) = await RunAsync("--date", "2020-08-18", "--file", CorpusFile("template-numbers.xlsx"), "--reason", "lần nữa");
        Assert.Equal(1, again);
        Assert.Contains("Tệp này đã được nhập cho ngày này (bản #1).", error, StringComparison.Ordinal);
        Assert.Equal(3, await RevisionsAsync());
    }

    [Fact]
    public async Task A_bad_file_exits_non_zero_with_the_same_messages_and_saves_nothing()
    {
        var (exit, output, error) = await RunAsync("--date", "2020-08-18", "--file", CorpusFile("unknown-district.csv"));
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("Dòng 7: không tìm thấy huyện \"Mường Lát\".", error, StringComparison.Ordinal);
        Assert.Contains("Không có gì được lưu.", error, StringComparison.Ordinal);
        Assert.Equal(2, await RevisionsAsync());
    }

    [Fact]
    public async Task Missing_arguments_are_a_usage_error()
    {
        var (exit, _, error) = await RunAsync("--date", "2020-08-18");
        Assert.Equal(2, exit);
        Assert.Contains("import --user NAME --date 2020-08-18 --file counts.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_count_sheets_are_refused_listing_them_and_sheet_chooses_one()
    {
        var path = Path.Combine(_folder, "two-sheets.xlsx");
        File.WriteAllBytes(path, IntakeCasesTests.Read("a04c-two-sheets-no-date.xlsx"));

        var (refused, _, error) = await RunAsync("--date", "2020-08-18", "--file", path);
        Assert.Equal(1, refused);
        Assert.Contains("nhiều trang tính có thể chứa số liệu (Bảng A; Bảng B)", error, StringComparison.Ordinal);
        Assert.Equal(0, await RevisionsAsync() - 2);

        var (exit, output, _) = await RunAsync("--date", "2020-08-18", "--file", path, "--sheet", "Bảng B");
        Assert.Equal(0, exit);
        Assert.Contains("Trang tính: Bảng B", output, StringComparison.Ordinal);
        Assert.Contains("tổng 91.320", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_count_columns_are_refused_and_column_chooses_one()
    {
        var path = Path.Combine(_folder, "two-columns.xlsx");
        File.WriteAllBytes(path, IntakeCasesTests.Read("a05c-two-count-columns-no-date.xlsx"));

        var (refused, _, error) = await RunAsync("--date", "2020-08-18", "--file", path, "--lang", "en");
        Assert.Equal(1, refused);
        Assert.Contains("several columns could hold the registrations (B: Số đăng ký Viettel; C: Số đăng ký VNPT)", error, StringComparison.Ordinal);

        var (exit, output, _) = await RunAsync("--date", "2020-08-18", "--file", path, "--column", "C", "--dry-run");
        Assert.Equal(0, exit);
        Assert.Contains("số đăng ký ở cột C (Số đăng ký VNPT)", output, StringComparison.Ordinal);
    }
}
