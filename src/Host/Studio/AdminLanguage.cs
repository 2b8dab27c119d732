using Workflows.Host.Web;

namespace Workflows.Host.Studio;

/// <summary>Language of the pages not yet moved to Razor components: the request culture chosen by <see cref="SiteCultures"/>.</summary>
internal sealed record AdminLanguage(string Code, string HtmlLang)
{
    public static readonly AdminLanguage Chinese = new("zh", "zh-Hans");
    public static readonly AdminLanguage English = new("en", "en");

    public static AdminLanguage Resolve(HttpContext context) => SiteCultures.IsEnglish ? English : Chinese;
}
