using Microsoft.AspNetCore.Http.HttpResults;

namespace Workflows.Host.Workspace.Officers;

/// <summary>The caller's context for the pages: who, which role and unit, and what they may see and act on.</summary>
public sealed record MeView(string? UserId, string Name, string DisplayName, bool IsMachine, IReadOnlyList<string> Roles, OfficerUnit? Unit,
    bool SeesAll, string? VisibleRootUnitId, IReadOnlyList<string> ActingUnitIds, bool ActsForAll);

internal static class MeEndpoint
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async Task<Ok<MeView>> (ICurrentOfficer me, CancellationToken ct) =>
            {
                var reach = await me.ReachAsync(ct);
                return TypedResults.Ok(new MeView(me.UserId, me.Name, me.DisplayName, me.IsMachine, me.Roles, me.Unit, reach.All, reach.RootUnitId,
                    [.. reach.ActingUnitIds.Order(StringComparer.Ordinal)], reach.ActsForAll));
            })
            .WithTags("工作台 / Workspace")
            .WithSummary("当前用户 / The caller: role, unit and reach");
        return api;
    }
}
