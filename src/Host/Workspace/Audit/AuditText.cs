namespace Workflows.Host.Workspace.Audit;

/// <summary>The words of the audit page: <c>AuditText.resx</c> (Chinese) and <c>AuditText.en.resx</c>.</summary>
public sealed class AuditText;
