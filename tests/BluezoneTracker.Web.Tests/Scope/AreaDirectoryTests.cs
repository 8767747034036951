using BluezoneTracker.Core.Areas;
using BluezoneTracker.Web.Scope;

namespace BluezoneTracker.Web.Tests.Scope;

/// <summary>
/// The directory's children lists: in the catalog's name order (<see cref="AreaOrder.ByName"/>), and sorted once per
/// directory, not on every call (docs/decisions/130: the scope asks several times per request).
/// </summary>
public sealed class AreaDirectoryTests
{
    [Fact]
    public void Children_are_in_Vietnamese_name_order_without_the_kind_prefix_then_by_code()
    {
        var directory = new AreaDirectory(
        [
            new AreaNode(1, "14", "Tỉnh Sơn La", AreaKind.Province, null),
            new AreaNode(2, "118", "Huyện Yên Châu", AreaKind.RuralDistrict, "14"),
            new AreaNode(3, "116", "Thành phố Sơn La", AreaKind.City, "14"),
            new AreaNode(4, "127", "Huyện Mường La", AreaKind.RuralDistrict, "14"),
            new AreaNode(5, "125", "Huyện Mường Lá", AreaKind.RuralDistrict, "14"),
            new AreaNode(6, "121", "Huyện Mộc Châu", AreaKind.RuralDistrict, "14"),
            new AreaNode(7, "120", "Huyện Mường La", AreaKind.RuralDistrict, "14"),
            new AreaNode(8, "04000", "Xã Chiềng Sơn", AreaKind.Commune, "121"),
        ]);

        var children = directory.ChildrenOf("14");

        var expected = children.Select(n => new Area(n.Code, n.Name, n.Kind, n.ParentCode)).ToList();
        expected.Sort(AreaOrder.ByName);
        Assert.Equal(expected.Select(a => a.Code), children.Select(n => n.Code));
        Assert.Equal(["121", "120", "127", "125", "116", "118"], children.Select(n => n.Code));
        Assert.Equal(["04000"], directory.ChildrenOf("121").Select(n => n.Code));
        Assert.Empty(directory.ChildrenOf("04000"));
        Assert.Empty(directory.ChildrenOf("99"));
    }

    [Fact]
    public void Children_are_sorted_once_and_the_same_list_is_given_again()
    {
        var directory = new AreaDirectory(Enumerable.Range(0, 500)
            .Select(i => new AreaNode(i + 2, $"C{i:D4}", $"Xã Số {(i * 7919) % 500}", AreaKind.Commune, "P"))
            .Prepend(new AreaNode(1, "P", "Tỉnh P", AreaKind.Province, null)));

        var first = directory.ChildrenOf("P");

        Assert.Same(first, directory.ChildrenOf("P"));
        Assert.Equal(500, first.Count);
    }
}
