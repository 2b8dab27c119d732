using Microsoft.AspNetCore.Localization;

namespace Workflows.Host.Http;

/// <summary>
/// Whether the answer to the current request is in Chinese (the default) or English. The request culture wins
/// when request localization has run (<see cref="IRequestCultureFeature"/>: <c>?lang=</c>, the language cookie,
/// <c>Accept-Language</c>); before it, the thread's UI culture.
/// </summary>
internal static class RequestText
{
    public static bool IsChineseFor(HttpContext? context)
    {
        if (context?.Features.Get<IRequestCultureFeature>() is { } feature)
            return !IsEnglish(feature.RequestCulture.UICulture.Name);
        return !IsEnglish(System.Globalization.CultureInfo.CurrentUICulture.Name);
    }

    /// <summary>Picks the text of the request's language.</summary>
    public static string Pick(HttpContext? context, string chinese, string english) => IsChineseFor(context) ? chinese : english;

    private static bool IsEnglish(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase);
}
