namespace Workflows.Runtime.Execution;

/// <summary>
/// Activity output as the service log gets it: at most <see cref="MaxLength"/> characters, then how long it was.
/// The journal keeps the whole text (itself bounded by <c>Expressions:MaxOutputLength</c>); a log line must stay a line.
/// </summary>
public static class LogText
{
    public const int MaxLength = 500;

    public static string Bounded(string? text)
    {
        if (text is null || text.Length <= MaxLength) return text ?? "";
        var cut = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return $"{text[..cut]}…（共 {text.Length} 个字符 / {text.Length} characters）";
    }
}
