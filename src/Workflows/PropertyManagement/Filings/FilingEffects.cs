namespace Workflows.PropertyManagement.Filings;

public sealed record FilingOpened(Filing Filing);

public sealed record FilingRecorded(string FilingId, DateOnly FiledOn, string? ReceiptNumber, string? By, DateTimeOffset At);

public sealed record FilingOverdue(string FilingId, DateTimeOffset At);
