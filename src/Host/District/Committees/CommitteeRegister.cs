using System.Globalization;
using Workflows.Host.District.Companies;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Committees;
using Workflows.PropertyManagement.Companies;
using Workflows.PropertyManagement.Compounds;
using Workflows.Runtime.Execution;

namespace Workflows.Host.District.Committees;

public sealed record CommitteeInput(
    string? Id, string? CompoundId, string? Kind, string? Name, string? Chair, IReadOnlyList<string>? Members,
    string? TermStart, string? TermEnd, ContactInput? Contact);

public sealed record CommitteeAdminView(
    string Id, string CompoundId, string Kind, string KindName, string Name, string? Chair, IReadOnlyList<string> Members,
    string? TermStart, string? TermEnd, Contact? Contact)
{
    internal static CommitteeAdminView From(Committee c) => new(
        c.Id, c.CompoundId, c.Kind.ToString(), NameOf(c.Kind), c.Name, c.Chair, [.. c.Members], Date(c.TermStart), Date(c.TermEnd), c.Contact);

    internal static string NameOf(CommitteeKind kind) => kind == CommitteeKind.OwnersCommittee ? "业主委员会" : "物业管理委员会";

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// 业主委员会 / 物业管理委员会 of a compound: members, chair, term (P6 re-election starts from its end) and the contact
/// that receives the committee's notices. Saving one makes it the compound's committee.
/// </summary>
internal sealed class CommitteeRegister(WorkflowsDbContext db)
{
    public async Task<Staged> StageAsync(string? id, CommitteeInput input, StageMode mode, CancellationToken ct)
    {
        const string resource = DistrictAudit.Resources.Committee;
        var errors = new FieldErrors();
        var code = errors.Code("id", "委员会编码", id ?? input.Id);
        var compoundId = errors.Text("compoundId", "所属小区", input.CompoundId, required: true, maxLength: 64);
        var name = errors.Text("name", "委员会名称", input.Name, required: true, maxLength: 100);
        var chair = errors.Text("chair", "主任", input.Chair, required: false, maxLength: 50);
        var kind = CommitteeKind.OwnersCommittee;
        if (!string.IsNullOrWhiteSpace(input.Kind))
        {
            var k = input.Kind.Trim();
            if (k is "业主委员会" or "业委会" || string.Equals(k, nameof(CommitteeKind.OwnersCommittee), StringComparison.OrdinalIgnoreCase)) kind = CommitteeKind.OwnersCommittee;
            else if (k is "物业管理委员会" or "物管会" || string.Equals(k, nameof(CommitteeKind.PropertyManagementCommittee), StringComparison.OrdinalIgnoreCase)) kind = CommitteeKind.PropertyManagementCommittee;
            else errors.Add("kind", $"委员会类型“{k}”无效，应为 业主委员会 或 物业管理委员会。");
        }
        var members = (input.Members ?? []).Select(m => m?.Trim() ?? "").Where(m => m.Length > 0).Distinct().ToList();
        if (members.Any(m => m.Length > 50)) errors.Add("members", "委员姓名不能超过 50 个字符。");
        if (chair is not null && !members.Contains(chair)) members.Insert(0, chair);
        var termStart = ReadDate("termStart", "任期开始日期", input.TermStart, errors);
        var termEnd = ReadDate("termEnd", "任期届满日期", input.TermEnd, errors);
        if (termStart is not null && termEnd is not null && termEnd <= termStart)
            errors.Add("termEnd", $"任期届满日期 {input.TermEnd} 应晚于任期开始日期 {input.TermStart}。");
        Contact? contact = null;
        if (input.Contact is { } given && (given.Name ?? given.Email ?? given.Mobile) is not null)
            contact = CompanyRegister.ReadContacts([given], errors).FirstOrDefault();
        if (errors.Any) return Staged.Failed(RenameContact(errors), resource, code);

        var existing = code is null ? null : await db.Set<Committee>().FindAsync([code], ct);
        switch (mode)
        {
            case StageMode.Create when existing is not null:
                errors.Add("id", $"委员会编码“{code}”已存在。");
                return Staged.Failed(errors, resource, code);
            case StageMode.Update when existing is null:
                return Staged.Failed(errors, resource, code) with { Missing = true };
        }
        var compound = await db.Set<Compound>().FindAsync([compoundId!], ct);
        if (compound is null) errors.Add("compoundId", $"小区“{compoundId}”不存在。");
        if (existing is not null && existing.CompoundId != compoundId)
            errors.Add("compoundId", "委员会所属小区不能修改；请为另一小区新建委员会。");
        if (errors.Any) return Staged.Failed(errors, resource, code);

        var before = existing is null ? null : CommitteeAdminView.From(existing);
        var committee = existing ?? db.Set<Committee>().Add(new Committee(code ?? Ids.New(), compound!.Id, kind, name!)).Entity;
        if (committee.Name != name) committee.Rename(name!);
        if (committee.Kind != kind) committee.ChangeKind(kind);
        committee.Chair = chair;
        committee.Members = members;
        committee.TermStart = termStart;
        committee.TermEnd = termEnd;
        committee.Contact = contact;
        compound!.CommitteeId = committee.Id;
        return new Staged(errors, resource, committee.Id, before, CommitteeAdminView.From(committee));
    }

    private static DateOnly? ReadDate(string field, string label, string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, $"{label}“{text}”不是日期，应为 YYYY-MM-DD。");
        return null;
    }

    /// <summary>The committee has one contact: its errors are keyed <c>contact.*</c>, not <c>contacts[0].*</c>.</summary>
    private static FieldErrors RenameContact(FieldErrors errors)
    {
        var renamed = new FieldErrors();
        foreach (var (field, message) in errors.All)
            renamed.Add(field.StartsWith("contacts[0].", StringComparison.Ordinal) ? "contact." + field["contacts[0].".Length..] : field,
                message.Replace("第 1 位联系人", "联系人", StringComparison.Ordinal));
        return renamed;
    }
}
