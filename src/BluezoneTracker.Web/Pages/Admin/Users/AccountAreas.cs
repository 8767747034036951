using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Infrastructure;
using BluezoneTracker.Web.Scope;

namespace BluezoneTracker.Web.Pages.Admin.Users;

/// <summary>
/// The areas whose accounts an administrator manages: its own area's subtree (a province admin manages the
/// province's and its districts' and communes' accounts, never a sibling's or the parent's). An account
/// without an area works in the deployment area and counts as of that area.
/// </summary>
public sealed class AccountAreas(AreaDirectory directory, AreaNode? deployment, ActingUser actor)
{
    /// <summary>The areas an account may be assigned to, the administrator's own first, then by path.</summary>
    public IReadOnlyList<AreaNode> Choices { get; } = Subtree(directory, actor.AreaCode ?? deployment?.Code);

    /// <summary>True when the account of area <paramref name="areaId"/> (null: the deployment area) is managed here.</summary>
    public bool Manages(int? areaId) =>
        areaId is { } id ? Choices.Any(a => a.Id == id) : deployment is not null && Choices.Any(a => a.Id == deployment.Id);

    /// <summary>The area of a code among <see cref="Choices"/>, or null.</summary>
    public AreaNode? Find(string? code) => Choices.FirstOrDefault(a => string.Equals(a.Code, code?.Trim(), StringComparison.Ordinal));

    /// <summary>The name of an account's area (the deployment area's for none).</summary>
    public string NameOf(int? areaId) =>
        (areaId is { } id ? Choices.FirstOrDefault(a => a.Id == id)?.Name : deployment?.Name) ?? string.Empty;

    private static List<AreaNode> Subtree(AreaDirectory directory, string? root)
    {
        var list = new List<AreaNode>();
        if (root is null || directory.Find(root) is not { } top)
        {
            return list;
        }

        var pending = new Stack<AreaNode>([top]);
        while (pending.TryPop(out var node))
        {
            list.Add(node);
            foreach (var child in directory.ChildrenOf(node.Code).Reverse())
            {
                pending.Push(child);
            }
        }

        return list;
    }
}
