using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Companies;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Credit;
using Workflows.Runtime.Execution;

namespace Workflows.Host.District.Companies;

public sealed record ContactInput(string? Name, string? Email, string? Mobile);

public sealed record CompanyInput(string? Id, string? Name, string? CreditCode, IReadOnlyList<ContactInput>? Contacts);

public sealed record CompanyAdminView(string Id, string Name, string? CreditCode, IReadOnlyList<Contact> Contacts, bool Active, DateTimeOffset? DeactivatedAt)
{
    internal static CompanyAdminView From(PropertyCompany c) => new(c.Id, c.Name, c.CreditCode, [.. c.Contacts], c.Active, c.DeactivatedAt);
}

public sealed record CreditRecordView(string Id, string Reason, string Source, string RecordedOn, string? CaseId, string? CompoundId);

/// <summary>A company as the admin page shows it: the register entry, the compounds it serves and its credit file.</summary>
public sealed record CompanyDetail(CompanyAdminView Company, IReadOnlyList<string> CompoundIds, IReadOnlyList<CreditRecordView> CreditRecords);

/// <summary>
/// 物业服务企业. The unified social credit code is checked by its GB 32100-2015 check character and is unique; the
/// first contact with an email or mobile receives the company's filing reminders.
/// </summary>
internal sealed class CompanyRegister(WorkflowsDbContext db)
{
    public async Task<Staged> StageAsync(string? id, CompanyInput input, StageMode mode, CancellationToken ct)
    {
        const string resource = DistrictAudit.Resources.Company;
        var errors = new FieldErrors();
        var code = errors.Code("id", "企业编码", id ?? input.Id);
        var name = errors.Text("name", "企业名称", input.Name, required: true, maxLength: 100);
        var creditCode = errors.Text("creditCode", "统一社会信用代码", input.CreditCode?.ToUpperInvariant(), required: false, maxLength: 18);
        if (creditCode is not null && UnifiedSocialCreditCode.Check(creditCode) is { } problem) errors.Add("creditCode", problem);
        var contacts = ReadContacts(input.Contacts, errors);
        if (errors.Any) return Staged.Failed(errors, resource, code);

        var existing = code is null ? null : await db.Set<PropertyCompany>().FindAsync([code], ct);
        switch (mode)
        {
            case StageMode.Create when existing is not null:
                errors.Add("id", $"企业编码“{code}”已存在。");
                return Staged.Failed(errors, resource, code);
            case StageMode.Update when existing is null:
                return Staged.Failed(errors, resource, code) with { Missing = true };
        }
        var selfId = existing?.Id;
        if (creditCode is not null)
        {
            var holder = db.Set<PropertyCompany>().Local.FirstOrDefault(c => c.CreditCode == creditCode && c.Id != selfId)
                         ?? await db.Set<PropertyCompany>().AsNoTracking().FirstOrDefaultAsync(c => c.CreditCode == creditCode && c.Id != selfId, ct);
            if (holder is not null) errors.Add("creditCode", $"统一社会信用代码“{creditCode}”已登记给“{holder.Name}”。");
        }
        if (errors.Any) return Staged.Failed(errors, resource, code);

        var before = existing is null ? null : CompanyAdminView.From(existing);
        var company = existing ?? db.Set<PropertyCompany>().Add(new PropertyCompany(code ?? Ids.New(), name!)).Entity;
        if (company.Name != name) company.Rename(name!);
        company.CreditCode = creditCode;
        company.Contacts = contacts;
        return new Staged(errors, resource, company.Id, before, CompanyAdminView.From(company));
    }

    internal static List<Contact> ReadContacts(IReadOnlyList<ContactInput>? given, FieldErrors errors)
    {
        var contacts = new List<Contact>();
        for (var i = 0; i < (given?.Count ?? 0); i++)
        {
            var c = given![i];
            var prefix = $"contacts[{i}]";
            var contactName = errors.Text($"{prefix}.name", $"第 {i + 1} 位联系人姓名", c.Name, required: true, maxLength: 50);
            var email = errors.Email($"{prefix}.email", $"第 {i + 1} 位联系人邮箱", c.Email);
            var mobile = errors.Mobile($"{prefix}.mobile", $"第 {i + 1} 位联系人手机", c.Mobile);
            if (contactName is not null) contacts.Add(new Contact(contactName, email, mobile));
        }
        return contacts;
    }

    public async Task<CompanyDetail> DetailAsync(PropertyCompany company, CancellationToken ct)
    {
        var compounds = await db.Set<Compound>().AsNoTracking().Where(c => c.CompanyId == company.Id).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var records = await db.Set<CreditRecord>().AsNoTracking().Where(r => r.CompanyId == company.Id || r.CompanyName == company.Name)
            .OrderByDescending(r => r.RecordedOn).ToListAsync(ct);
        return new CompanyDetail(CompanyAdminView.From(company), compounds,
            [.. records.Select(r => new CreditRecordView(r.Id, r.Reason, r.Source, r.RecordedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.CaseId, r.CompoundId))]);
    }

    /// <summary>Why the company cannot be deleted (Chinese), or null.</summary>
    public async Task<string?> DeleteRefusalAsync(PropertyCompany company, CancellationToken ct)
    {
        var compounds = await db.Set<Compound>().CountAsync(c => c.CompanyId == company.Id, ct);
        var records = await db.Set<CreditRecord>().CountAsync(r => r.CompanyId == company.Id, ct);
        var reasons = new List<string>();
        if (compounds > 0) reasons.Add($"仍为 {compounds} 个小区提供物业服务");
        if (records > 0) reasons.Add($"有 {records} 条信用记录");
        return reasons.Count == 0 ? null : $"物业服务企业“{company.Name}”{string.Join("、", reasons)}，不能删除，只能停用。";
    }
}
