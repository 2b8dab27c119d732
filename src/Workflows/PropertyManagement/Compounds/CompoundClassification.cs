namespace Workflows.PropertyManagement.Compounds;

/// <summary>
/// Seed 004's grading of a compound by the facilities it has (a closed boundary, a guard room, a property office …):
/// eight, five or four of them.
/// </summary>
public enum CompoundClassification
{
    /// <summary>八有.</summary>
    EightHave,

    /// <summary>五有.</summary>
    FiveHave,

    /// <summary>四有.</summary>
    FourHave,
}

public static class CompoundClassifications
{
    public static string ChineseName(this CompoundClassification classification) => classification switch
    {
        CompoundClassification.EightHave => "八有",
        CompoundClassification.FiveHave => "五有",
        CompoundClassification.FourHave => "四有",
        _ => classification.ToString(),
    };

    /// <summary>Reads the enum name (case-insensitive) or the Chinese name.</summary>
    public static bool TryParse(string? text, out CompoundClassification classification)
    {
        classification = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        foreach (var candidate in Enum.GetValues<CompoundClassification>())
        {
            if (candidate.ChineseName() == text || string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                classification = candidate;
                return true;
            }
        }
        return false;
    }
}
