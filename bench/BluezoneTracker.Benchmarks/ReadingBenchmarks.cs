using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Web.Snapshots;
using ClosedXML.Excel;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// The choice of a reading library (docs/decisions/010-excel-reading-library.md): the same 10 000-row
/// workbook read into rows by ClosedXML (the reader before) and by ExcelDataReader (the reader now),
/// as .xlsx and as .xls, then checked (matched by name, the slowest path); and the cost of telling a
/// file's format by its bytes on a 12-row CSV. The .xls is converted by LibreOffice (soffice) in the
/// setup; without it the .xls benchmarks are skipped with a message.
/// </summary>
[MemoryDiagnoser]
public class ReadingBenchmarks
{
    private static readonly ImportOptions Options = new();
    private static readonly DateOnly August18 = new(2020, 8, 18);
    private Area _district = null!;
    private List<Area> _communes = null!;
    private byte[] _xlsx = null!;
    private byte[]? _xls;
    private byte[] _csv12 = null!;

    [Params(10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _district = new Area("D1", "Huyện Thử Nghiệm", AreaKind.RuralDistrict) { Population = new Population(10_000_000, 2019, "test") };
        _communes = [.. Enumerable.Range(1, Rows).Select(i => new Area(i.ToString("00000", CultureInfo.InvariantCulture), $"Xã Mường Bản Số {i}", AreaKind.Commune, "D1"))];
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("18-8");
            sheet.Cell(1, 1).Value = "TT";
            sheet.Cell(1, 2).Value = "Xã, phường";
            sheet.Cell(1, 3).Value = "Số đăng ký";
            var row = 2;
            foreach (var commune in _communes)
            {
                sheet.Cell(row, 1).Value = row - 1;
                sheet.Cell(row, 2).Value = row % 2 == 0 ? commune.ShortName : VietnameseText.Fold(commune.ShortName);
                sheet.Cell(row, 3).Value = 2_000 + row;
                row++;
            }

            using var stream = new MemoryStream();
            workbook.SaveAs(stream);
            _xlsx = stream.ToArray();
        }

        _xls = ConvertToXls(_xlsx);
        var csv = new StringBuilder("TT;Huyện, Thành phố;Số đăng ký\r\n");
        for (var i = 1; i <= 12; i++)
        {
            csv.Append(i).Append(";Xã Mường Bản Số ").Append(i).Append(';').Append(1000 + i).Append("\r\n");
        }

        _csv12 = Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Benchmark(Baseline = true)]
    public int Xlsx_rows_by_ClosedXML()
    {
        // The reader before: every cell of the used range through ClosedXML's object model.
        using var workbook = new XLWorkbook(new MemoryStream(_xlsx, writable: false));
        var sheet = workbook.Worksheets.First();
        var used = sheet.RangeUsed()!;
        var rows = new List<RawRow>();
        foreach (var row in sheet.Rows(1, used.LastRow().RowNumber()))
        {
            var cells = new RawCell[3];
            for (var c = 1; c <= 3; c++)
            {
                var cell = row.Cell(c);
                cells[c - 1] = cell.DataType == XLDataType.Number ? new RawCell(null, (decimal)cell.GetDouble()) : new RawCell(cell.GetString());
            }

            rows.Add(new RawRow(row.RowNumber(), cells));
        }

        return rows.Count;
    }

    [Benchmark]
    public int Xlsx_rows_by_ExcelDataReader() => Rows_of(_xlsx);

    [Benchmark]
    public int Xls_rows_by_ExcelDataReader() => _xls is null ? throw new InvalidOperationException("soffice is needed to make the .xls") : Rows_of(_xls);

    [Benchmark]
    public CountsFile Xlsx_parse_and_validate() => Validate(_xlsx);

    [Benchmark]
    public CountsFile Xls_parse_and_validate() => Validate(_xls ?? throw new InvalidOperationException("soffice is needed to make the .xls"));

    [Benchmark]
    public RawTable? Csv12_read_directly() => CsvTable.Read(_csv12).Table;

    [Benchmark]
    public RawWorkbook? Csv12_read_after_format_detection() => UploadedTable.Read(_csv12, Options).Workbook;

    private static int Rows_of(byte[] bytes) => UploadedTable.Read(bytes, Options).Workbook!.Sheets[0].Table.Rows.Count;

    private CountsFile Validate(byte[] bytes)
    {
        var (workbook, problem) = UploadedTable.Read(bytes, Options);
        var file = CountsTable.Read(workbook ?? throw new InvalidOperationException(problem?.ToString()), new AreaMatcher(_communes), _district, August18);
        return file.Problems.Count == 0 && file.Rows.Count == Rows ? file : throw new InvalidOperationException($"{file.Problems.Count} problems ({(file.Problems.Count > 0 ? file.Problems[0] : null)}), {file.Rows.Count} rows");
    }

    private static byte[]? ConvertToXls(byte[] xlsx)
    {
        var folder = Directory.CreateTempSubdirectory("bench-xls-").FullName;
        try
        {
            var source = Path.Combine(folder, "rows.xlsx");
            File.WriteAllBytes(source, xlsx);
            using var process = Process.Start(new ProcessStartInfo("soffice", ["--headless", "--convert-to", "xls", "--outdir", folder, source]) { RedirectStandardOutput = true, RedirectStandardError = true });
            process!.WaitForExit(120_000);
            var xls = Path.Combine(folder, "rows.xls");
            return File.Exists(xls) ? File.ReadAllBytes(xls) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
