namespace Workflows.Host.Web;

/// <summary>
/// Messages from below the pages that still come as "中文 / English" (the API's convention): the part in the page's
/// language. Codes with arguments, worded by the page's resources, are the way forward; this bridges the rest.
/// </summary>
public static class Bilingual
{
    private const string Separator = " / ";

    public static string InPageLanguage(string message)
    {
        var at = message.IndexOf(Separator, StringComparison.Ordinal);
        if (at < 0) return message;
        return SiteCultures.IsEnglish ? message[(at + Separator.Length)..] : message[..at];
    }
}
