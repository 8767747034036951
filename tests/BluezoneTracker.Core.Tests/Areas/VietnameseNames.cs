using System.Text;
using BluezoneTracker.Core.Areas;

namespace BluezoneTracker.Core.Tests.Areas;

/// <summary>Names arrive as NFC or NFD, with or without diacritics and kind prefixes; they must match all the same.</summary>
public class VietnameseNames
{
    // "Huyện Mộc Châu" decomposed, as some Windows tools send it.
    private const string MocChauNfd = "Huye\u0302\u0323n Mo\u0302\u0323c Cha\u0302u";

    [Fact]
    public void Decomposed_input_is_normalised_to_composed()
    {
        Assert.NotEqual("Huyện Mộc Châu", MocChauNfd);

        var normalized = VietnameseText.Normalize(MocChauNfd);

        Assert.Equal("Huyện Mộc Châu", normalized);
        Assert.True(normalized.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Normalising_trims_and_collapses_white_space()
    {
        Assert.Equal("Huyện Mộc Châu", VietnameseText.Normalize("  Huyện \t Mộc\u00A0 Châu \n"));
    }

    [Fact]
    public void Area_names_are_stored_composed()
    {
        var area = new Area("123", MocChauNfd, AreaKind.RuralDistrict, "14");

        Assert.Equal("Huyện Mộc Châu", area.Name);
        Assert.Equal("Mộc Châu", area.ShortName);
    }

    [Theory]
    [InlineData("Huyện Mộc Châu", "huyen moc chau")]
    [InlineData("Thành phố Sơn La", "thanh pho son la")]
    [InlineData("Điện Biên Đông", "dien bien dong")]
    [InlineData("Quỳnh Nhai", "quynh nhai")]
    [InlineData("Sốp Cộp", "sop cop")]
    [InlineData("Mường La", "muong la")]
    [InlineData("Bắc Yên", "bac yen")]
    public void Fold_removes_diacritics_lowers_case_and_turns_d_with_stroke_into_d(string name, string folded)
    {
        Assert.Equal(folded, VietnameseText.Fold(name));
    }

    [Fact]
    public void Fold_gives_the_same_text_for_composed_and_decomposed_input()
    {
        Assert.Equal(VietnameseText.Fold("Huyện Mộc Châu"), VietnameseText.Fold(MocChauNfd));
    }

    [Theory]
    [InlineData("Huyện Mộc Châu", "Mộc Châu")]
    [InlineData("huyện Mộc Châu", "Mộc Châu")]
    [InlineData("Huyen Moc Chau", "Moc Chau")]
    [InlineData("Thành phố Sơn La", "Sơn La")]
    [InlineData("TP. Sơn La", "Sơn La")]
    [InlineData("TP.Sơn La", "Sơn La")]
    [InlineData("H. Mộc Châu", "Mộc Châu")]
    [InlineData("Thị xã Mường Lay", "Mường Lay")]
    [InlineData("Xã Mường Bú", "Mường Bú")]
    [InlineData(MocChauNfd, "Mộc Châu")]
    [InlineData("Huyện Quan Hóa", "Quan Hóa")]
    [InlineData("Quận Ba Đình", "Ba Đình")]
    [InlineData("Tỉnh Sơn La", "Sơn La")]
    [InlineData("HUYỆN MỘC CHÂU", "MỘC CHÂU")]
    [InlineData("Thanh pho Son La", "Son La")]
    [InlineData("Quan Ba Dinh", "Ba Dinh")]
    public void Kind_prefix_is_stripped(string name, string expected)
    {
        Assert.Equal(expected, VietnameseText.StripKindPrefix(name));
    }

    [Theory]
    [InlineData("Mộc Châu")]
    [InlineData("Sơn La")]
    [InlineData("Huyện")]
    [InlineData("Huyềnh Đức")]
    public void Bare_name_is_returned_as_is(string name)
    {
        Assert.Equal(name, VietnameseText.StripKindPrefix(name));
    }

    // Real districts whose first word folds to a kind prefix: Quan Hóa, Quan Sơn (Thanh Hóa),
    // Quản Bạ (Hà Giang), Tĩnh Gia (Thanh Hóa). Written with diacritics, the word is no "Quận" or "Tỉnh".
    [Theory]
    [InlineData("Quan Hóa")]
    [InlineData("Quan Sơn")]
    [InlineData("Quản Bạ")]
    [InlineData("Tĩnh Gia")]
    public void Bare_name_whose_first_word_only_looks_like_a_prefix_without_diacritics_is_kept_whole(string name)
    {
        Assert.Equal(name, VietnameseText.StripKindPrefix(name));
    }
}
