namespace Workflows.PropertyManagement.Compounds;

/// <summary>How a compound is served now.</summary>
public enum CompoundStatus
{
    /// <summary>有物业: a property company under contract.</summary>
    Managed,

    /// <summary>应急物业服务: an emergency company appointed by the street office (seed 001 item 15).</summary>
    EmergencyService,

    /// <summary>无物业 / 失管弃管.</summary>
    Unmanaged,
}

public static class CompoundStatuses
{
    public static string ChineseName(this CompoundStatus status) => status switch
    {
        CompoundStatus.Managed => "有物业",
        CompoundStatus.EmergencyService => "应急物业服务",
        CompoundStatus.Unmanaged => "无物业",
        _ => status.ToString(),
    };

    /// <summary>Reads the enum name (case-insensitive) or the Chinese name.</summary>
    public static bool TryParse(string? text, out CompoundStatus status)
    {
        status = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        foreach (var candidate in Enum.GetValues<CompoundStatus>())
        {
            if (candidate.ChineseName() == text || string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        return false;
    }
}
