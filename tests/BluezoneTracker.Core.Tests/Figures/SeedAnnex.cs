using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Seed;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>The annex of the Sơn La dispatch, computed from the seed: 17/8/2020 against 12/8/2020.</summary>
internal static class SeedAnnex
{
    public static AnnexReport Build() => AnnexCalculator.Build(new AnnexInput(
        SonLa.Province,
        SonLa.DistrictAreas,
        SonLa.OnReportDate,
        SonLa.OnPreviousDate,
        [SonLa.OnPreviousDate]));
}
