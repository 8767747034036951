using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Snapshots;
using ClosedXML.Excel;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// Reading and checking a commune-level file: bytes → rows → matched counts and problems → preview
/// (figures and warnings against the previous snapshot). Rows are matched by name, the slowest path.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private static readonly ImportOptions Options = new();
    private Area _district = null!;
    private List<Area> _communes = null!;
    private SnapshotCounts _previous = null!;
    private byte[] _csv = null!;
    private byte[] _xlsx = null!;

    [Params(1_000, 10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _district = new Area("D1", "Huyện Thử Nghiệm", AreaKind.RuralDistrict) { Population = new Population(10_000_000, 2019, "test") };
        _communes = [.. Enumerable.Range(1, Rows).Select(i => new Area(
            i.ToString("00000", CultureInfo.InvariantCulture), $"Xã Mường Bản Số {i}", AreaKind.Commune, "D1")
        { Population = new Population(5_000 + i, 2019, "test") })];
        _previous = new SnapshotCounts(new DateOnly(2020, 8, 17), _communes.ToDictionary(c => c.Code, c => (long)(1_000 + (c.Code.GetHashCode(StringComparison.Ordinal) & 1023))), 10);

        var csv = new StringBuilder("TT;Xã, phường;Số Bluezone đã đăng ký số điện thoại\r\n");
        var i = 0;
        foreach (var commune in _communes)
        {
            // Typed the way staff type: no prefix, and every other name without diacritics.
            var name = ++i % 2 == 0 ? commune.ShortName : VietnameseText.Fold(commune.ShortName);
            csv.Append(i).Append(';').Append(name).Append(';').Append((2_000 + i).ToString("#,0", CultureInfo.GetCultureInfo("vi-VN"))).Append("\r\n");
        }

        csv.Append(";Số thuê bao chưa xác định được huyện;12\r\n");
        _csv = Encoding.UTF8.GetBytes(csv.ToString());

        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Số liệu");
        sheet.Cell(1, 1).Value = "Mã";
        sheet.Cell(1, 2).Value = "Xã, phường";
        sheet.Cell(1, 3).Value = "Số đăng ký";
        var row = 2;
        foreach (var commune in _communes)
        {
            sheet.Cell(row, 1).SetValue(commune.Code).SetDataType(XLDataType.Text);
            sheet.Cell(row, 2).Value = commune.Name;
            sheet.Cell(row, 3).Value = 2_000 + row;
            row++;
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        _xlsx = stream.ToArray();
    }

    [Benchmark(Baseline = true)]
    public CountsFile Csv_parse_and_validate() => Validate(_csv);

    [Benchmark]
    public CountsFile Xlsx_parse_and_validate() => Validate(_xlsx);

    [Benchmark]
    public IntakePreview Csv_parse_validate_and_preview()
    {
        var file = Validate(_csv);
        return IntakePreview.Build(new IntakeInput(_district, _communes, file.ToCounts(new DateOnly(2020, 8, 18)), [_previous], null), file.Warnings);
    }

    private CountsFile Validate(byte[] bytes)
    {
        var (workbook, problem) = UploadedTable.Read(bytes, Options);
        var file = CountsTable.Read(workbook ?? throw new InvalidOperationException(problem?.ToString()), new AreaMatcher(_communes), _district, new DateOnly(2020, 8, 18));
        return file.Problems.Count == 0 && file.Rows.Count == Rows ? file : throw new InvalidOperationException($"{file.Problems.Count} problems, {file.Rows.Count} rows");
    }
}
