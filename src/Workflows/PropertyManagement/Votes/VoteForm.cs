using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.PropertyManagement.Votes;

/// <summary>The form an officer fills in to record an owners' vote, and how it is read into a <see cref="VoteTally"/>.</summary>
public static class VoteForm
{
    public const string TotalArea = "totalArea";
    public const string TotalOwners = "totalOwners";
    public const string ParticipatingArea = "participatingArea";
    public const string ParticipatingOwners = "participatingOwners";
    public const string ApprovingArea = "approvingArea";
    public const string ApprovingOwners = "approvingOwners";
    public const string DecidedOn = "decidedOn";

    /// <summary>The fields, with the compound's totals as defaults.</summary>
    public static IReadOnlyList<FormField> Fields(decimal totalArea, int totalOwners) =>
    [
        new(TotalArea, "专有部分总面积（㎡）", FormFieldTypes.Number, Default: totalArea.ToString(CultureInfo.InvariantCulture)),
        new(TotalOwners, "业主总人数", FormFieldTypes.Number, Default: totalOwners.ToString(CultureInfo.InvariantCulture)),
        new(ParticipatingArea, "参与表决的专有部分面积（㎡）", FormFieldTypes.Number, Required: true),
        new(ParticipatingOwners, "参与表决人数", FormFieldTypes.Number, Required: true),
        new(ApprovingArea, "同意的专有部分面积（㎡）", FormFieldTypes.Number, Required: true),
        new(ApprovingOwners, "同意人数", FormFieldTypes.Number, Required: true),
        new(DecidedOn, "表决日期", FormFieldTypes.Date, Required: true),
    ];

    /// <summary>Reads the tally; fields left empty take their defaults. Errors are keyed by field name.</summary>
    public static (VoteTally? Tally, DateOnly? DecidedOn, IReadOnlyDictionary<string, string[]> Errors) Read(
        JsonObject form, IReadOnlyList<FormField> fields)
    {
        var errors = new Dictionary<string, string[]>();
        decimal Area(string name) => Number(form, fields, name, errors) ?? 0;
        int Count(string name)
        {
            var n = Number(form, fields, name, errors);
            if (n is { } v && v != Math.Floor(v)) errors[name] = ["人数必须为整数。"];
            return n is { } x && x == Math.Floor(x) && x is >= int.MinValue and <= int.MaxValue ? (int)x : 0;
        }
        var tally = new VoteTally(Area(TotalArea), Count(TotalOwners), Area(ParticipatingArea), Count(ParticipatingOwners),
            Area(ApprovingArea), Count(ApprovingOwners));
        DateOnly? decidedOn = null;
        var dateText = form[DecidedOn]?.ToString();
        if (string.IsNullOrWhiteSpace(dateText))
            errors[DecidedOn] = ["请填写表决日期（YYYY-MM-DD）。"];
        else if (DateOnly.TryParseExact(dateText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            decidedOn = d;
        else
            errors[DecidedOn] = [$"“{dateText}”不是日期（应为 YYYY-MM-DD）。"];
        if (errors.Count == 0)
        {
            foreach (var (key, messages) in tally.Validate())
                errors[key] = messages;
        }
        return (errors.Count == 0 ? tally : null, decidedOn, errors);
    }

    private static decimal? Number(JsonObject form, IReadOnlyList<FormField> fields, string name, Dictionary<string, string[]> errors)
    {
        var node = form[name];
        var text = node?.ToString();
        if (string.IsNullOrWhiteSpace(text))
            text = fields.FirstOrDefault(f => f.Name == name)?.Default;
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[name] = ["请填写此项。"];
            return null;
        }
        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
        errors[name] = [$"“{text}”不是数字。"];
        return null;
    }
}
