using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Seed;

namespace BluezoneTracker.Core.Tests.Areas;

/// <summary>Areas form a tree of any depth; children come in Vietnamese name order.</summary>
public class AreaHierarchy
{
    [Fact]
    public void Children_are_in_Vietnamese_name_order_ignoring_the_kind_prefix()
    {
        var tree = new AreaTree(SonLa.AllAreas);

        Assert.Equal(
        [
            "Huyện Bắc Yên", "Huyện Mai Sơn", "Huyện Mộc Châu", "Huyện Mường La", "Huyện Phù Yên", "Huyện Quỳnh Nhai",
            "Huyện Sông Mã", "Huyện Sốp Cộp", "Thành phố Sơn La", "Huyện Thuận Châu", "Huyện Vân Hồ", "Huyện Yên Châu",
        ],
            tree.ChildrenOf(SonLa.ProvinceCode).Select(a => a.Name));
    }

    [Fact]
    public void Children_order_does_not_depend_on_the_input_order()
    {
        var forward = new AreaTree(SonLa.AllAreas);
        var backward = new AreaTree(SonLa.AllAreas.Reverse());

        Assert.Equal(
            forward.ChildrenOf(SonLa.ProvinceCode).Select(a => a.Code),
            backward.ChildrenOf(SonLa.ProvinceCode).Select(a => a.Code));
    }

    [Fact]
    public void Same_names_are_ordered_by_code()
    {
        var tree = new AreaTree(
        [
            new Area("1", "Việt Nam", AreaKind.Country),
            new Area("b", "Huyện Phú Lộc", AreaKind.RuralDistrict, "1"),
            new Area("a", "Xã Phú Lộc", AreaKind.Commune, "1"),
        ]);

        Assert.Equal(["a", "b"], tree.ChildrenOf("1").Select(a => a.Code));
    }

    [Fact]
    public void Tree_has_any_depth()
    {
        var tree = new AreaTree(
        [
            new Area("VN", "Việt Nam", AreaKind.Country),
            new Area("14", "Tỉnh Sơn La", AreaKind.Province, "VN"),
            new Area("116", "Thành phố Sơn La", AreaKind.City, "14"),
            new Area("03646", "Phường Chiềng Lề", AreaKind.Ward, "116"),
        ]);

        var ward = tree.Get("03646");
        Assert.Equal("116", tree.ParentOf(ward)!.Code);
        Assert.Equal("VN", Assert.Single(tree.Roots).Code);
        Assert.Equal(["03646"], tree.ChildrenOf("116").Select(a => a.Code));
        Assert.Empty(tree.ChildrenOf("03646"));
        Assert.Null(tree.ParentOf(tree.Get("VN")));
    }

    [Fact]
    public void Area_with_an_unknown_parent_is_rejected()
    {
        Area[] areas = [new Area("14", "Sơn La", AreaKind.Province), new Area("116", "Thành phố Sơn La", AreaKind.City, "15")];

        var error = Assert.Throws<ArgumentException>(() => new AreaTree(areas));
        Assert.Contains("15", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_area_code_is_rejected()
    {
        Area[] areas = [new Area("14", "Sơn La", AreaKind.Province), new Area("14", "Điện Biên", AreaKind.Province)];

        Assert.Throws<ArgumentException>(() => new AreaTree(areas));
    }

    [Fact]
    public void Unknown_code_is_not_found()
    {
        var tree = new AreaTree(SonLa.AllAreas);

        Assert.Null(tree.Find("999"));
        Assert.Throws<KeyNotFoundException>(() => tree.Get("999"));
        Assert.Empty(tree.ChildrenOf("999"));
    }
}
