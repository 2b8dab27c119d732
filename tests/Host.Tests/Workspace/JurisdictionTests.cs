using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.Tests.Workspace;

/// <summary>The parent-map tree that authorization asks: within, subtree, unknown units, and data with a cycle.</summary>
public sealed class JurisdictionTests
{
    private static readonly ParentMapJurisdiction Tree = new(
    [
        new("shihe", "浉河区", UnitKind.District, null),
        new("shihe-zjj", "浉河区住建局", UnitKind.DistrictHousingBureau, "shihe"),
        new("hudong", "湖东街道办事处", UnitKind.StreetOffice, "shihe"),
        new("hudong-1", "湖东街道第一社区", UnitKind.Community, "hudong"),
        new("hudong-mingyuan", "湖东名苑", UnitKind.Compound, "hudong-1"),
        new("minquan", "民权街道办事处", UnitKind.StreetOffice, "shihe"),
    ]);

    [Theory]
    [InlineData("hudong-mingyuan", "hudong-1", true)]
    [InlineData("hudong-mingyuan", "hudong", true)]
    [InlineData("hudong-mingyuan", "shihe", true)]
    [InlineData("hudong", "hudong", true)]
    [InlineData("hudong-mingyuan", "minquan", false)]
    [InlineData("hudong", "hudong-1", false)]
    [InlineData("unknown", "shihe", false)]
    [InlineData("unknown", "unknown", false)]
    public void A_unit_is_within_itself_and_its_ancestors_only(string unit, string ancestor, bool within) =>
        Assert.Equal(within, Tree.IsWithin(unit, ancestor));

    [Fact]
    public void The_subtree_of_a_street_office_holds_its_communities_and_compounds()
    {
        Assert.Equal(["hudong", "hudong-1", "hudong-mingyuan"], Tree.Subtree("hudong").Order(StringComparer.Ordinal));
        Assert.Empty(Tree.Subtree("unknown"));
    }

    [Fact]
    public void Units_come_parents_first()
    {
        var order = Tree.Units.Select(u => u.Id).ToList();
        Assert.True(order.IndexOf("shihe") < order.IndexOf("hudong"));
        Assert.True(order.IndexOf("hudong-1") < order.IndexOf("hudong-mingyuan"));
        Assert.Equal(6, order.Count);
    }

    [Fact]
    public void A_cycle_in_the_data_does_not_hang_the_check()
    {
        var broken = new ParentMapJurisdiction([new("a", "A", UnitKind.StreetOffice, "b"), new("b", "B", UnitKind.Community, "a")]);

        Assert.False(broken.IsWithin("a", "c"));
        Assert.Equal(["a", "b"], broken.Subtree("a").Order(StringComparer.Ordinal));
    }
}
