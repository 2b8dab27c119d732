using Workflows.PropertyManagement.Companies;

namespace Workflows.PropertyManagement.Tests.Companies;

/// <summary>统一社会信用代码 by GB 32100-2015. The valid codes' check characters were computed independently of this code.</summary>
public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91411502MA44XQ1F0Y")]
    [InlineData("91411502MA44XQ4N3G")]
    public void A_code_with_the_right_check_character_is_accepted(string code) => Assert.Null(UnifiedSocialCreditCode.Check(code));

    [Theory]
    [InlineData("91350100M000100Y44", "校验位不符（应为“3”）")]
    [InlineData("91411502MA44XQ1F0X", "校验位不符（应为“Y”）")]
    [InlineData("91411502MA44XQ1F0", "应为 18 位")]
    [InlineData("91411502MA44XQ1FOY", "第 17 位“O”不是允许的字符")]
    [InlineData("9141A502MA44XQ1F0Y", "第 3–8 位应为行政区划码")]
    public void A_wrong_code_is_refused_saying_why(string code, string reason) =>
        Assert.Contains(reason, UnifiedSocialCreditCode.Check(code), StringComparison.Ordinal);
}
