namespace Workflows.PropertyManagement.Credit;

/// <summary>
/// 不良记录: an entry in a company's credit file (HN2017 art. 83; seed 001 items 13 and 18), e.g. a late filing.
/// The company is named even when it is not registered here (a new company named in a contract).
/// </summary>
public sealed class CreditRecord
{
    public CreditRecord(string id, string? companyId, string companyName, string reason, string source, DateOnly recordedOn, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(companyName);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Id = id;
        CompanyId = companyId;
        CompanyName = companyName;
        Reason = reason;
        Source = source;
        RecordedOn = recordedOn;
        CreatedAt = createdAt;
    }

    public string Id { get; private set; }
    public string? CompanyId { get; private set; }
    public string CompanyName { get; private set; }
    public string Reason { get; private set; }

    /// <summary>The legal basis, e.g. 《浉河区实施细则》第13条.</summary>
    public string Source { get; private set; }

    public DateOnly RecordedOn { get; private set; }
    public string? CaseId { get; set; }
    public string? CompoundId { get; set; }
    public string? WorkflowInstanceId { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
