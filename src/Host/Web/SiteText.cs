namespace Workflows.Host.Web;

/// <summary>The words of the layout (menu, header, breadcrumbs) and of roles: <c>SiteText.resx</c> (Chinese) and <c>SiteText.en.resx</c>.</summary>
public sealed class SiteText;
