using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.Runtime.Execution;

namespace Workflows.Host.District.Units;

public sealed record UnitInput(string? Id, string? Name, string? Kind, string? ParentId, string? Email, string? Mobile);

public sealed record UnitAdminView(string Id, string Name, string Kind, string KindName, string? ParentId, string? Email, string? Mobile,
    bool Active, DateTimeOffset? DeactivatedAt)
{
    internal static UnitAdminView From(Unit u) =>
        new(u.Id, u.Name, u.Kind.ToString(), UnitKinds.ChineseName(u.Kind), u.ParentId, u.Email, u.Mobile, u.Active, u.DeactivatedAt);
}

/// <summary>
/// The unit tree as admins keep it: the district, its housing bureau and leading group, street offices and
/// communities (compounds are kept by <see cref="Compounds.CompoundRegister"/>). A unit's kind and parent are fixed
/// when it is created (officers' reach and the cases below it depend on them); name and contacts can change.
/// </summary>
internal sealed class UnitRegister(WorkflowsDbContext db)
{
    public async Task<Staged> StageAsync(string? id, UnitInput input, StageMode mode, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = errors.Code("id", "单位编码", id ?? input.Id);
        var name = errors.Text("name", "单位名称", input.Name, required: true, maxLength: 100);
        var email = errors.Email("email", "联系邮箱", input.Email);
        var mobile = errors.Mobile("mobile", "联系手机", input.Mobile);
        UnitKind? kind = null;
        if (string.IsNullOrWhiteSpace(input.Kind)) errors.Add("kind", $"请填写单位类型（{string.Join("、", UnitKinds.Administered.Select(UnitKinds.ChineseName))}）。");
        else if (!UnitKinds.TryParse(input.Kind, out var parsed) || !UnitKinds.Administered.Contains(parsed))
            errors.Add("kind", $"单位类型“{input.Kind}”无效，应为 {string.Join("、", UnitKinds.Administered.Select(UnitKinds.ChineseName))} 之一（小区在小区登记中维护）。");
        else kind = parsed;
        var parentId = string.IsNullOrWhiteSpace(input.ParentId) ? null : input.ParentId.Trim();
        if (kind is null) return Staged.Failed(errors, DistrictAudit.Resources.Unit, code);

        var existing = code is null ? null : await db.Set<Unit>().FindAsync([code], ct);
        if (existing is not null && existing.Kind == UnitKind.Compound)
        {
            errors.Add("id", $"编码“{code}”是小区，请在小区登记中修改。");
            return Staged.Failed(errors, DistrictAudit.Resources.Unit, code);
        }
        switch (mode)
        {
            case StageMode.Create when existing is not null:
                errors.Add("id", $"单位编码“{code}”已存在。");
                return Staged.Failed(errors, DistrictAudit.Resources.Unit, code);
            case StageMode.Update when existing is null:
                return Staged.Failed(errors, DistrictAudit.Resources.Unit, code) with { Missing = true };
        }
        // Field errors so far are reported together with the tree's (parent, kind) below.

        var parent = parentId is null ? null : await db.Set<Unit>().FindAsync([parentId], ct);
        if (parentId is not null && parent is null) errors.Add("parentId", $"上级单位“{parentId}”不存在。");
        if (parent is null && parentId is null && UnitKinds.ParentKind(kind.Value) is { } needed)
            errors.Add("parentId", $"{UnitKinds.ChineseName(kind.Value)}须有上级单位（{UnitKinds.ChineseName(needed)}）。");
        if (parent is not null && UnitKinds.ParentKind(kind.Value) is var expected && parent.Kind != expected)
            errors.Add("parentId", expected is null
                ? "区不能有上级单位。"
                : $"{UnitKinds.ChineseName(kind.Value)}的上级单位应为{UnitKinds.ChineseName(expected.Value)}，“{parent.Name}”是{UnitKinds.ChineseName(parent.Kind)}。");
        if (existing is not null)
        {
            if (existing.Kind != kind) errors.Add("kind", $"单位类型不能修改（“{existing.Name}”是{UnitKinds.ChineseName(existing.Kind)}）；请新建单位并停用旧单位。");
            if (existing.ParentId != parentId) errors.Add("parentId", $"上级单位不能修改（“{existing.Name}”属于“{existing.ParentId}”）；请新建单位并停用旧单位。");
        }
        if (errors.Any) return Staged.Failed(errors, DistrictAudit.Resources.Unit, code);

        var before = existing is null ? null : UnitAdminView.From(existing);
        var unit = existing ?? db.Set<Unit>().Add(new Unit(code ?? Ids.New(), name!, kind.Value, parentId)).Entity;
        if (unit.Name != name) unit.Rename(name!);
        unit.Email = email;
        unit.Mobile = mobile;
        return new Staged(errors, DistrictAudit.Resources.Unit, unit.Id, before, UnitAdminView.From(unit));
    }

    /// <summary>Why the unit cannot be deleted (Chinese), or null when nothing depends on it.</summary>
    public async Task<string?> DeleteRefusalAsync(Unit unit, CancellationToken ct)
    {
        var children = await db.Set<Unit>().CountAsync(u => u.ParentId == unit.Id, ct);
        var officers = await db.Users.CountAsync(u => u.UnitId == unit.Id, ct);
        var tasks = await db.Set<Workflows.PropertyManagement.Tasks.OfficerTask>().CountAsync(t => t.UnitId == unit.Id, ct);
        var reasons = new List<string>();
        if (children > 0) reasons.Add($"有 {children} 个下级单位或小区");
        if (officers > 0) reasons.Add($"有 {officers} 名工作人员账户");
        if (tasks > 0) reasons.Add($"有 {tasks} 件办理任务的记录");
        return reasons.Count == 0 ? null : $"“{unit.Name}”{string.Join("、", reasons)}，不能删除，只能停用（停用后不再受理新案件，已有案件和账户仍可查看）。";
    }
}
