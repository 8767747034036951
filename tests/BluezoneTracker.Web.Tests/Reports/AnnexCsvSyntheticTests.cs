using System.Text;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Data;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;

namespace BluezoneTracker.Web.Tests.Reports;

/// <summary>
/// The CSV of an annex with made-up figures says so on every row, which rows are made up and which are real
/// (decision 085); the CSV of real figures keeps its bytes (#11, a fresh user's trial, point 4).
/// </summary>
public sealed class AnnexCsvSyntheticTests(NationalDemoAppFactory factory) : IClassFixture<NationalDemoAppFactory>
{
    private static Uri At(string path) => new(path, UriKind.Relative);

    private static List<string> Lines(byte[] csv) =>
        [.. Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];

    [Fact]
    public async Task The_country_csv_labels_every_row_made_up_or_real()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var lines = Lines(await client.GetByteArrayAsync(At("/annex.csv?date=2020-08-17&compare=2020-08-12")));

        Assert.EndsWith(",Ghi chú số liệu", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 63 + 2, lines.Count);
        foreach (var line in lines.Skip(1))
        {
            var real = line.Contains(",Tỉnh Sơn La,", StringComparison.Ordinal);
            Assert.EndsWith(real ? ",Số liệu thật" : ",SỐ LIỆU MINH HỌA — không phải số liệu thật", line, StringComparison.Ordinal);
        }

        Assert.Contains(lines, l => l.Contains(",TOÀN QUỐC,", StringComparison.Ordinal) && l.EndsWith("MINH HỌA — không phải số liệu thật", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_csv_of_son_las_real_figures_carries_no_label_and_keeps_its_bytes()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var csv = await client.GetByteArrayAsync(At("/areas/14/annex.csv?date=2020-08-17&compare=2020-08-12"));

        Assert.DoesNotContain("MINH HỌA", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        Assert.DoesNotContain("Ghi chú số liệu", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
    }
}

/// <summary>The Sơn La deployment's annex CSV is byte for byte what it was before synthetic figures were labelled.</summary>
public sealed class AnnexCsvOfRealFiguresTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task The_son_la_csv_is_byte_identical_to_the_kept_export()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);
        var csv = await client.GetByteArrayAsync(new Uri("/annex.csv?date=2020-08-17&compare=2020-08-12", UriKind.Relative));

        Assert.Equal(IntakeClient.Corpus("annex-export.csv"), csv);
    }
}
