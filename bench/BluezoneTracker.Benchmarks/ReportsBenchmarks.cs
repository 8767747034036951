using BenchmarkDotNet.Attributes;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Core.Seed;
using BluezoneTracker.Web.Reports;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// The annex files, warm: Sơn La (12 districts, 14 lines) and a national table (63 provinces, 65 lines).
/// The byte size of each file is reported as a column beside the time.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(FileSizeConfig))]
public class ReportsBenchmarks
{
    private static readonly ReportSettings Settings = new() { SignerName = "Nguyễn Đức Tĩnh" };
    private static readonly AnnexPdfOptions PdfOptions = new(new DateTime(2020, 8, 17, 16, 30, 0, DateTimeKind.Unspecified));

    private AnnexDocument _document = null!;

    [Params("Sơn La", "63 tỉnh")]
    public string Table { get; set; } = "Sơn La";

    [GlobalSetup]
    public void Setup()
    {
        var report = Table == "Sơn La"
            ? AnnexCalculator.Build(new AnnexInput(SonLa.Province, SonLa.DistrictAreas, SonLa.OnReportDate, SonLa.OnPreviousDate, [SonLa.OnPreviousDate]))
            : NationalSample.Annex;
        _document = AnnexDocument.From(report, Settings);
        FileSizeConfig.Record($"Xlsx/{Table}", AnnexExcel.Write(_document, Settings).Length);
        FileSizeConfig.Record($"Pdf/{Table}", AnnexPdf.Write(_document, Settings, PdfOptions).Length);
    }

    [Benchmark]
    public byte[] Xlsx() => AnnexExcel.Write(_document, Settings);

    [Benchmark]
    public byte[] Pdf() => AnnexPdf.Write(_document, Settings, PdfOptions);
}
