namespace Workflows.PropertyManagement.Companies;

/// <summary>A person to reach: name, email and mobile (either channel may be missing).</summary>
public sealed record Contact(string Name, string? Email, string? Mobile);
