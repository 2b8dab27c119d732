namespace Workflows.Host.Web;

/// <summary>One step of a page's breadcrumbs (案件 › 小区：程序 › 任务); the last one, the page itself, has no link.</summary>
public sealed record Crumb(string Label, string? Href = null);
