using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Directory;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.PropertyManagement.Api;

public sealed record StartCaseRequest(string? Procedure, string? CompoundId, JsonObject? Input);

public sealed record CaseStarted(string CaseId, string WorkflowInstanceId);

/// <summary>
/// Starts a procedure for a compound. Everything is checked before anything is stored: the procedure and compound
/// exist, the input is complete, and a dry run in memory shows that the first steps can be computed (an uncovered
/// holiday year, say). Then the instance and its case are saved in one transaction.
/// </summary>
internal sealed class CaseStarter(
    IPropertyDirectory directory,
    IWorkflowDefinitionStore definitions,
    WorkflowRuntime runtime,
    WorkflowRunner runner,
    TimeProvider clock,
    IOptions<CaseInputOptions> limits)
{
    public abstract record Result;

    public sealed record Started(CaseStarted Case) : Result;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Result;

    public sealed record UnknownCompound(string CompoundId) : Result;

    public async Task<Result> StartAsync(StartCaseRequest request, string? startedBy, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var procedure = ProcedureCatalog.Find(request.Procedure?.Trim());
        if (string.IsNullOrWhiteSpace(request.Procedure))
            errors["procedure"] = ["请指定办理程序（procedure）。"];
        else if (procedure is null)
            errors["procedure"] = [$"未知的办理程序“{request.Procedure}”；可选：{string.Join("、", ProcedureCatalog.All.Select(p => p.DefinitionId))}。"];
        if (string.IsNullOrWhiteSpace(request.CompoundId))
            errors["compoundId"] = ["请指定小区（compoundId）。"];
        if (errors.Count > 0) return new Invalid(errors);

        var profile = await directory.FindCompoundAsync(request.CompoundId!.Trim(), ct);
        if (profile is null) return new UnknownCompound(request.CompoundId);
        if (InactiveReason(profile) is { } inactive) return new Invalid(new() { ["compoundId"] = [inactive] });
        var versionId = await definitions.FindVersionIdAsync(procedure!.DefinitionId, VersionSelector.Published, ct);
        if (versionId is null)
            return new Invalid(new() { ["procedure"] = [$"办理程序“{procedure.Name}”（{procedure.DefinitionId}）尚无已发布的流程定义。"] });

        var now = clock.GetUtcNow();
        var (input, inputErrors) = ProcedureInputs.Normalize(procedure, request.Input, profile, ChinaTime.ToLocalDate(now), limits.Value);
        if (inputErrors.Count > 0) return new Invalid(inputErrors);

        var caseId = Ids.New();
        var instanceId = Ids.New();
        var @case = new Case(caseId, procedure.DefinitionId, profile.Compound.Id, instanceId,
            $"{profile.Compound.Name}：{procedure.Name}", now)
        {
            InputJson = input.ToJsonString(),
            StartedBy = startedBy,
        };
        var options = new StartOptions
        {
            InstanceId = instanceId,
            CorrelationId = caseId,
            Input = input.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone()),
            Properties = new Dictionary<string, JsonNode?>
            {
                [CaseContext.CaseIdProperty] = caseId,
                [CaseContext.CompoundIdProperty] = profile.Compound.Id,
            },
            Effects = [new CaseOpened(@case)],
        };

        // The dry run stores nothing: a procedure whose first steps fail (e.g. a deadline in a year the holiday
        // calendar does not cover) is refused instead of leaving a faulted case behind.
        var dry = await runner.StartAsync(await runtime.GraphAsync(versionId, ct), options);
        if (dry.State.SubStatus == WorkflowSubStatus.Faulted)
            return new Invalid(new() { ["input"] = [.. dry.State.Incidents.Select(i => $"无法启动：{i.Message}")] });

        var result = await runtime.StartAsync(procedure.DefinitionId, options, VersionSelector.Published, ct);
        return new Started(new CaseStarted(caseId, result.State.Id));
    }

    /// <summary>A deactivated compound, or one in a deactivated community or street office, takes no new cases.</summary>
    private static string? InactiveReason(CompoundProfile profile)
    {
        if (!profile.Compound.Active) return $"小区“{profile.Compound.Name}”已停用，不能启动新案件（已有案件仍可查看）。";
        foreach (var unit in new[] { profile.Community, profile.StreetOffice })
        {
            if (!unit.Active) return $"小区“{profile.Compound.Name}”所属的“{unit.Name}”已停用，不能启动新案件。";
        }
        return null;
    }
}
