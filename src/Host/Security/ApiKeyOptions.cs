using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Security;

/// <summary>
/// Configuration section <c>Security</c>. API keys are stored as SHA-256 hashes (hex), never in clear:
/// <c>Security:ApiKeys:0:Name</c> and <c>Security:ApiKeys:0:Sha256</c>.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Security";

    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();
}

public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";
    public string Sha256 { get; set; } = "";
}

internal sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var entry = options.ApiKeys[i];
            if (string.IsNullOrWhiteSpace(entry.Name))
                errors.Add($"Security:ApiKeys:{i}:Name is empty.");
            if (entry.Sha256.Length != 64 || !entry.Sha256.All(Uri.IsHexDigit))
                errors.Add($"Security:ApiKeys:{i}:Sha256 must be the 64-hex-digit SHA-256 of the key (not the key itself).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
