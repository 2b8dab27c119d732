namespace Workflows.PropertyManagement.Companies;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (digits and capitals without I, O, S,
/// V, Z); characters 3–8 are the administrative division code; the last is a check character computed from the first
/// 17 with weights 3^i mod 31.
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const int Length = 18;

    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Null when <paramref name="code"/> is valid, else why not (Chinese, for the admin).</summary>
    public static string? Check(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != Length) return $"统一社会信用代码应为 {Length} 位，“{code}”为 {code.Length} 位。";
        for (var i = 0; i < Length; i++)
        {
            if (Alphabet.IndexOf(code[i], StringComparison.Ordinal) < 0)
                return $"统一社会信用代码第 {i + 1} 位“{code[i]}”不是允许的字符（数字或除 I、O、S、V、Z 外的大写字母）。";
        }
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i])) return $"统一社会信用代码第 3–8 位应为行政区划码（数字），第 {i + 1} 位是“{code[i]}”。";
        }
        var expected = CheckCharacter(code.AsSpan(0, Length - 1));
        return code[^1] == expected ? null : $"统一社会信用代码“{code}”校验位不符（应为“{expected}”），请核对。";
    }

    /// <summary>The check character for the first 17 characters (which must be in the alphabet).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1) throw new ArgumentException($"Expected {Length - 1} characters.", nameof(first17));
        var sum = 0;
        var weight = 1;
        foreach (var c in first17)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new ArgumentException($"'{c}' is not in the code's alphabet.", nameof(first17));
            sum += value * weight;
            weight = weight * 3 % 31;
        }
        var check = (31 - sum % 31) % 31;
        return Alphabet[check];
    }
}
