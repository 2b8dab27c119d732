namespace Workflows.PropertyManagement.Filings;

/// <summary>
/// Pending → OnTime (recorded by the due date) or Late (recorded after it); Pending → Overdue (the due instant
/// passed unrecorded); Overdue → Late, or OnTime when the receipt shows it was filed in time and only recorded
/// later. OnTime and Late are final.
/// </summary>
public enum FilingStatus
{
    Pending,
    OnTime,
    Late,
    Overdue,
}
