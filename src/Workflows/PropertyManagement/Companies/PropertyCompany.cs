namespace Workflows.PropertyManagement.Companies;

/// <summary>物业服务企业: a property service company and the people to reach there.</summary>
public sealed class PropertyCompany
{
    public PropertyCompany(string id, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
    }

    public string Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>统一社会信用代码 (optional).</summary>
    public string? CreditCode { get; set; }

    public List<Contact> Contacts { get; set; } = [];

    /// <summary>Set once deactivated (a company that left the district); its history stays.</summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }

    public bool Active => DeactivatedAt is null;

    /// <summary>A new name under the same id.</summary>
    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public void Deactivate(DateTimeOffset at) => DeactivatedAt ??= at;

    public void Activate() => DeactivatedAt = null;
}
