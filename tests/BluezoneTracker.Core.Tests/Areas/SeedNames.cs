using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Core.Seed;

namespace BluezoneTracker.Core.Tests.Areas;

/// <summary>Both demos name Sơn La the same way, with its kind as every other area; sentences take the name without it.</summary>
public sealed class SeedNames
{
    [Fact]
    public void The_Son_La_seed_and_the_national_demo_name_the_province_alike()
    {
        var national = NationalSample.DemoProvinces.Single(p => p.Code == SonLa.ProvinceCode);
        Assert.Equal("Tỉnh Sơn La", SonLa.Province.Name);
        Assert.Equal(national.Name, SonLa.Province.Name);
        Assert.Equal("Sơn La", SonLa.Province.ShortName);
        Assert.Equal("toàn tỉnh Sơn La", AreaWording.For(SonLa.Province).WholeOf);
    }

    [Theory]
    [InlineData("Tỉnh Hòa Bình", AreaKind.Province, "Sở Thông tin và Truyền thông tỉnh Hòa Bình", "Hòa Bình", "GIÁM ĐỐC")]
    [InlineData("Thành phố Hà Nội", AreaKind.Province, "Sở Thông tin và Truyền thông thành phố Hà Nội", "Hà Nội", "GIÁM ĐỐC")]
    [InlineData("Huyện Mộc Châu", AreaKind.RuralDistrict, "Phòng Văn hóa và Thông tin huyện Mộc Châu", "Mộc Châu", "TRƯỞNG PHÒNG")]
    [InlineData("Thành phố Sơn La", AreaKind.City, "Phòng Văn hóa và Thông tin thành phố Sơn La", "Sơn La", "TRƯỞNG PHÒNG")]
    [InlineData("Xã Chiềng Sơn", AreaKind.Commune, "Ủy ban nhân dân xã Chiềng Sơn", "Chiềng Sơn", "CHỦ TỊCH")]
    [InlineData("Việt Nam", AreaKind.Country, "Bộ Thông tin và Truyền thông", "Hà Nội", "BỘ TRƯỞNG")]
    public void An_area_without_saved_settings_gets_its_own_agency_place_and_no_signer_name(string name, AreaKind kind, string agency, string place, string signerTitle)
    {
        var settings = ReportSettings.DefaultFor(new Area("1", name, kind));

        Assert.Equal((agency, place, signerTitle, string.Empty), (settings.AgencyName, settings.Place, settings.SignerTitle, settings.SignerName));
    }
}
