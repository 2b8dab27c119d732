namespace Workflows.Host.Workspace.Cases;

/// <summary>The audit actions of cases and filings, with their names for the audit page (see <c>AuditActions.Known</c>).</summary>
public static class CaseAuditActions
{
    public const string CaseStart = "case.start";
    public const string CaseFinish = "case.finish";
    public const string CaseCancel = "case.cancel";
    public const string FilingRecord = "filing.record";

    public static class Resources
    {
        public const string Case = "case";
        public const string Filing = "filing";
    }
}
