using Workflows.PropertyManagement.Companies;
using Workflows.PropertyManagement.Compounds;

namespace Workflows.PropertyManagement.Directory;

/// <summary>The registers the activities look things up in; the Host implements it on its database.</summary>
public interface IPropertyDirectory
{
    /// <summary>The compound with its street office, community, district offices, company and committee; null if unknown.</summary>
    Task<CompoundProfile?> FindCompoundAsync(string compoundId, CancellationToken ct = default);

    /// <summary>A registered company by its exact name (credit records of a company named in a contract).</summary>
    Task<PropertyCompany?> FindCompanyByNameAsync(string name, CancellationToken ct = default);
}
