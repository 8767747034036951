using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Seed;

namespace BluezoneTracker.Core.Tests.Areas;

/// <summary>The sort with precomputed collation keys (the catalog's) orders areas exactly as the comparison <see cref="AreaOrder.ByName"/> does.</summary>
public sealed class AreaOrderByName
{
    [Fact]
    public void Sorting_with_keys_gives_the_order_of_the_comparison_on_the_seed_names()
    {
        AssertSameOrder([.. NationalSample.Provinces, .. SonLa.DistrictAreas]);
    }

    [Fact]
    public void Sorting_with_keys_gives_the_order_of_the_comparison_on_names_that_differ_only_by_tone_case_prefix_or_code()
    {
        string[] names =
        [
            "Xã Chiềng Sơn", "xã chiềng sơn", "Chiềng Sơn", "Xã Chiêng Sơn", "Xã Chiềng Sờn", "Phường Đông Sơn", "Phường Dông Sơn",
            "Thị trấn Ít Ong", "Xã Ít Ong", "Huyện Mường La", "Huyện Mường Lá", "Huyện Mương La", "Thành phố Sơn La",
            "Xã A Mú Sung", "Xã Ả Lử", "Xã Ă", "Xã Â", "Xã Ơ", "Xã Ô", "Xã Ư", "Xã U", "Xã Yên Bái", "Xã Ý Tý", "Xã Y Tý",
            "Thị xã Sơn Tây", "Quận 1", "Quận 10", "Quận 2", "Xã Đắk Lắk", "Xã Dak Lak", "Xã Đăk Lăk",
        ];
        var random = new Random(13);
        var areas = names.SelectMany((name, i) => new[]
        {
            new Area($"{i:D3}", name, AreaKind.Commune, "P"),
            new Area($"{900 - i:D3}", name, AreaKind.Commune, "P"),
        }).OrderBy(_ => random.Next()).ToList();

        AssertSameOrder(areas);
    }

    [Fact]
    public void Sorting_any_items_by_their_name_and_code_gives_the_order_of_the_comparison()
    {
        var areas = SonLa.DistrictAreas.Concat(SonLa.DistrictAreas.Select(a => new Area("9" + a.Code, a.Name, a.Kind, a.ParentCode))).Reverse().ToList();
        var compared = areas.ToList();
        compared.Sort(AreaOrder.ByName);

        var sorted = AreaOrder.SortByName(areas.Select(a => (Label: a.Name, Id: a.Code)), x => x.Label, x => x.Id);

        Assert.Equal(compared.Select(a => a.Code), sorted.Select(x => x.Id));
    }

    private static void AssertSameOrder(IReadOnlyList<Area> areas)
    {
        var compared = areas.ToList();
        compared.Sort(AreaOrder.ByName);

        var keyed = AreaOrder.SortByName(areas.Reverse());

        Assert.Equal(compared.Select(a => a.Code), keyed.Select(a => a.Code));
    }
}
