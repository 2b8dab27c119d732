namespace Workflows.PropertyManagement.Credit;

public sealed record CreditRecordAdded(CreditRecord Record);
