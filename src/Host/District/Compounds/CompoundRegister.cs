using Microsoft.EntityFrameworkCore;
using Workflows.Host.District.Units;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Committees;
using Workflows.PropertyManagement.Companies;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.Runtime.Execution;

namespace Workflows.Host.District.Compounds;

public sealed record CompoundInput(
    string? Id, string? Name, string? Address, string? CommunityId, decimal? FloorArea, int? Households, string? CompanyId,
    string? Classification, bool? OldCompound, string? Status);

public sealed record CompoundAdminView(
    string Id, string Name, string? Address, string DistrictId, string StreetOfficeId, string CommunityId, decimal FloorArea, int Households,
    string? CompanyId, string? CommitteeId, string? Classification, string? ClassificationName, bool OldCompound, string Status, string StatusName,
    bool Active, DateTimeOffset? DeactivatedAt)
{
    internal static CompoundAdminView From(Compound c) => new(
        c.Id, c.Name, c.Address, c.DistrictId, c.StreetOfficeId, c.CommunityId, c.FloorArea, c.Households, c.CompanyId, c.CommitteeId,
        c.Classification?.ToString(), c.Classification?.ChineseName(), c.OldCompound, c.Status.ToString(), c.Status.ChineseName(),
        c.Active, c.DeactivatedAt);
}

/// <summary>
/// 小区 (property management areas). A compound is also a node of the unit tree (officers' reach follows it), so its
/// <see cref="Unit"/> row is kept in step: same id, same name, under its community. Street and district come from the
/// community. Floor area and households weigh owners' votes and subsidies, so both are required and positive.
/// </summary>
internal sealed class CompoundRegister(WorkflowsDbContext db)
{
    public async Task<Staged> StageAsync(string? id, CompoundInput input, StageMode mode, CancellationToken ct)
    {
        const string resource = DistrictAudit.Resources.Compound;
        var errors = new FieldErrors();
        var code = errors.Code("id", "小区编码", id ?? input.Id);
        var name = errors.Text("name", "小区名称", input.Name, required: true, maxLength: 100);
        var address = errors.Text("address", "地址", input.Address, required: false);
        var communityId = errors.Text("communityId", "所属社区", input.CommunityId, required: true, maxLength: 64);
        var companyId = errors.Text("companyId", "物业服务企业", input.CompanyId, required: false, maxLength: 64);
        if (input.FloorArea is not { } area || area <= 0) errors.Add("floorArea", "请填写建筑面积（平方米，大于 0）：业主表决按专有部分面积计算。");
        else if (area >= 10_000_000_000m) errors.Add("floorArea", "建筑面积过大，请核对（单位：平方米）。");
        if (input.Households is not { } households || households <= 0) errors.Add("households", "请填写户数（大于 0）：业主表决按人数计算。");
        CompoundClassification? classification = null;
        if (!string.IsNullOrWhiteSpace(input.Classification))
        {
            if (CompoundClassifications.TryParse(input.Classification, out var parsed)) classification = parsed;
            else errors.Add("classification", $"分类“{input.Classification}”无效，应为 八有、五有、四有 之一（或留空）。");
        }
        var status = CompoundStatus.Managed;
        if (!string.IsNullOrWhiteSpace(input.Status) && !CompoundStatuses.TryParse(input.Status, out status))
            errors.Add("status", $"物业管理状态“{input.Status}”无效，应为 有物业、应急物业服务、无物业 之一。");
        if (errors.Any) return Staged.Failed(errors, resource, code);

        var existing = code is null ? null : await db.Set<Compound>().FindAsync([code], ct);
        switch (mode)
        {
            case StageMode.Create when existing is not null || (code is not null && await db.Set<Unit>().FindAsync([code], ct) is not null):
                errors.Add("id", $"编码“{code}”已被使用。");
                return Staged.Failed(errors, resource, code);
            case StageMode.Update when existing is null:
                return Staged.Failed(errors, resource, code) with { Missing = true };
        }

        var community = await db.Set<Unit>().FindAsync([communityId!], ct);
        Unit? street = null;
        if (community is null || community.Kind != UnitKind.Community)
            errors.Add("communityId", community is null ? $"社区“{communityId}”不存在。" : $"“{community.Name}”不是社区，是{UnitKinds.ChineseName(community.Kind)}。");
        else if (community.ParentId is null || (street = await db.Set<Unit>().FindAsync([community.ParentId], ct)) is null || street.ParentId is null)
            errors.Add("communityId", $"社区“{community.Name}”没有所属街道或区，请先完善单位树。");
        else if (!community.Active && (existing is null || existing.CommunityId != community.Id))
            errors.Add("communityId", $"社区“{community.Name}”已停用。");
        if (companyId is not null)
        {
            var company = await db.Set<PropertyCompany>().FindAsync([companyId], ct);
            if (company is null) errors.Add("companyId", $"物业服务企业“{companyId}”不存在。");
            else if (!company.Active && existing?.CompanyId != companyId) errors.Add("companyId", $"物业服务企业“{company.Name}”已停用。");
        }
        if (status == CompoundStatus.Unmanaged && companyId is not null)
            errors.Add("status", "小区登记为“无物业”，却填写了物业服务企业；请删去企业或改为“有物业”/“应急物业服务”。");
        if (status != CompoundStatus.Unmanaged && companyId is null)
            errors.Add("companyId", $"物业管理状态为“{status.ChineseName()}”，请填写物业服务企业（无企业时状态应为“无物业”）。");
        if (existing is not null && existing.DistrictId != street?.ParentId && street is not null)
            errors.Add("communityId", "小区不能移到另一个区；请在该区新建小区并停用旧小区。");
        if (errors.Any) return Staged.Failed(errors, resource, code);

        var before = existing is null ? null : CompoundAdminView.From(existing);
        var compound = existing ?? db.Set<Compound>().Add(new Compound(code ?? Ids.New(), name!, street!.ParentId!, street.Id, community!.Id)).Entity;
        if (compound.Name != name) compound.Rename(name!);
        if (compound.CommunityId != community!.Id) compound.MoveTo(street!.Id, community.Id);
        compound.Address = address;
        compound.FloorArea = input.FloorArea!.Value;
        compound.Households = input.Households!.Value;
        compound.CompanyId = companyId;
        compound.Classification = classification;
        compound.OldCompound = input.OldCompound ?? false;
        compound.Status = status;

        // The compound's node in the unit tree: officers' reach and the jurisdiction checks read it.
        var node = await db.Set<Unit>().FindAsync([compound.Id], ct);
        if (node is null) db.Set<Unit>().Add(new Unit(compound.Id, compound.Name, UnitKind.Compound, community.Id));
        else if (node.Name != compound.Name) node.Rename(compound.Name);
        if (node is not null && node.ParentId != community.Id)
        {
            // A unit's parent is fixed; a compound moved to another community gets its node re-created under it.
            db.Remove(node);
            db.Set<Unit>().Add(new Unit(compound.Id, compound.Name, UnitKind.Compound, community.Id));
        }
        return new Staged(errors, resource, compound.Id, before, CompoundAdminView.From(compound));
    }

    /// <summary>Why the compound cannot be deleted (Chinese), or null.</summary>
    public async Task<string?> DeleteRefusalAsync(Compound compound, CancellationToken ct)
    {
        var cases = await db.Set<Case>().Where(c => c.CompoundId == compound.Id).Select(c => c.WorkflowInstanceId).ToListAsync(ct);
        var open = cases.Count == 0 ? 0 : await db.Instances.CountAsync(i => cases.Contains(i.Id) && i.Status != "Finished", ct);
        var reasons = new List<string>();
        if (open > 0) reasons.Add($"有 {open} 件办理中的案件");
        if (cases.Count > open) reasons.Add($"有 {cases.Count - open} 件已办结案件的记录");
        if (await db.Set<Committee>().AnyAsync(c => c.CompoundId == compound.Id, ct)) reasons.Add("登记有业主委员会");
        return reasons.Count == 0 ? null
            : $"小区“{compound.Name}”{string.Join("、", reasons)}，不能删除，只能停用（停用后不能再启动新案件，已有案件仍可查看）。";
    }
}
