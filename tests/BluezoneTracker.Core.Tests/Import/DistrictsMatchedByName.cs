using System.Text;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Seed;

namespace BluezoneTracker.Core.Tests.Import;

public sealed class DistrictsMatchedByName
{
    private readonly AreaMatcher _matcher = new(SonLa.DistrictAreas);

    [Theory]
    [InlineData("Huyện Mộc Châu", MatchKind.Name)]
    [InlineData("Mộc Châu", MatchKind.LooseName)]
    [InlineData("Moc Chau", MatchKind.LooseName)]
    [InlineData("MOC CHAU", MatchKind.LooseName)]
    [InlineData("H. Mộc Châu", MatchKind.LooseName)]
    [InlineData("huyen Mộc Châu", MatchKind.LooseName)]
    [InlineData("Huyen Moc Chau", MatchKind.LooseName)]
    public void Moc_Chau_is_found_however_it_is_typed(string typed, MatchKind kind)
    {
        var (area, matchedBy, ambiguous) = _matcher.ByName(typed);
        Assert.Equal("123", area?.Code);
        Assert.Equal(kind, matchedBy);
        Assert.False(ambiguous);
    }

    [Theory]
    [InlineData("TP Sơn La")]
    [InlineData("TP. Sơn La")]
    [InlineData("Thành phố Sơn La")]
    [InlineData("Son La")]
    public void The_city_is_found_with_any_of_its_prefixes(string typed) =>
        Assert.Equal("116", _matcher.ByName(typed).Area?.Code);

    [Fact]
    public void Decomposed_text_from_a_windows_tool_matches_the_composed_name() =>
        Assert.Equal("124", _matcher.ByName("Huyện Yên Châu".Normalize(NormalizationForm.FormD)).Area?.Code);

    [Fact]
    public void A_district_of_another_province_is_not_found() =>
        Assert.Null(_matcher.ByName("Mường Lát").Area);

    [Fact]
    public void Codes_are_matched_exactly() =>
        Assert.Equal("Huyện Vân Hồ", _matcher.ByCode(" 128 ")?.Name);
}
