using System.ComponentModel.DataAnnotations;

namespace Workflows.Host.PropertyManagement.Api;

/// <summary>
/// Section <c>CaseInputs</c>: how much a case's start input may hold. A complaint's text travels into emails and SMS,
/// so it is bounded; validated at start.
/// </summary>
public sealed class CaseInputOptions
{
    public const string Section = "CaseInputs";

    /// <summary>Characters of the complaint (<c>complaint</c>).</summary>
    [Range(100, 100_000, ErrorMessage = "CaseInputs:MaxComplaintLength must be between 100 and 100000 characters.")]
    public int MaxComplaintLength { get; set; } = 5000;

    /// <summary>Characters of any other free text (a reason, a decision, notes).</summary>
    [Range(100, 100_000, ErrorMessage = "CaseInputs:MaxTextLength must be between 100 and 100000 characters.")]
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>Characters of a name (<c>applicant</c>, <c>complainant.name</c>, <c>company.name</c> …).</summary>
    [Range(10, 1000, ErrorMessage = "CaseInputs:MaxNameLength must be between 10 and 1000 characters.")]
    public int MaxNameLength { get; set; } = 100;

    /// <summary>Keys in the input, nested objects' keys included.</summary>
    [Range(1, 1000, ErrorMessage = "CaseInputs:MaxKeys must be between 1 and 1000.")]
    public int MaxKeys { get; set; } = 40;
}
