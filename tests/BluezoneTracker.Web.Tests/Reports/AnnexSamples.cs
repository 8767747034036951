using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Core.Seed;
using BluezoneTracker.Web.Reports;

namespace BluezoneTracker.Web.Tests.Reports;

/// <summary>Annex documents built from Core objects alone (no database): Sơn La's dispatch and a 63-province national table.</summary>
internal static class AnnexSamples
{
    public static readonly ReportSettings Settings = new() { SignerName = "Nguyễn Đức Tĩnh" };

    public static readonly DateTime GeneratedAt = new(2020, 8, 17, 16, 30, 0, DateTimeKind.Unspecified);

    public static AnnexDocument SonLaDocument() => AnnexDocument.From(
        AnnexCalculator.Build(new AnnexInput(SonLa.Province, SonLa.DistrictAreas, SonLa.OnReportDate, SonLa.OnPreviousDate, [SonLa.OnPreviousDate])),
        Settings);

    public static AnnexDocument NationalDocument() => AnnexDocument.From(NationalSample.Annex, Settings);

    public static byte[] Pdf(AnnexDocument document, bool summary = false) =>
        AnnexPdf.Write(document, Settings, new AnnexPdfOptions(GeneratedAt, summary));
}
