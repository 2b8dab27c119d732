using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Activities;
using Workflows.PropertyManagement.Votes;

namespace Workflows.PropertyManagement.Tasks;

/// <summary>Checks a submission against its task before the workflow is resumed: nothing is stored when this fails.</summary>
public static class TaskSubmissionRules
{
    /// <summary>Problems keyed by field (<c>outcome</c>, <c>form.&lt;name&gt;</c>), in Chinese; empty when acceptable.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(OfficerTask task, TaskSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(submission);
        var errors = new Dictionary<string, string[]>();
        var outcome = string.IsNullOrWhiteSpace(submission.Outcome) ? null : submission.Outcome.Trim();
        if (task.Outcomes.Count > 0)
        {
            if (outcome is null)
                errors["outcome"] = [$"请选择办理结果：{string.Join("、", task.Outcomes)}。"];
            else if (!task.Outcomes.Contains(outcome))
                errors["outcome"] = [$"办理结果“{outcome}”无效，应为 {string.Join("、", task.Outcomes)} 之一。"];
        }
        else if (outcome is not null && outcome != PmActivities.Done)
        {
            errors["outcome"] = ["本任务没有可选的办理结果，请留空。"];
        }

        var form = submission.Form ?? [];
        if (task.ActivityType == PmActivities.OwnersVote)
        {
            foreach (var (key, messages) in VoteForm.Read(form, task.FormFields).Errors)
                errors["form." + key] = messages;
            return errors;
        }
        foreach (var field in task.FormFields)
        {
            var text = form[field.Name] switch
            {
                null => null,
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                var node => node.ToJsonString(),
            };
            if (string.IsNullOrWhiteSpace(text))
            {
                if (field.Required && field.Default is null) errors["form." + field.Name] = [$"请填写“{field.Label}”。"];
                continue;
            }
            if (Problem(field, text.Trim()) is { } problem) errors["form." + field.Name] = [problem];
        }
        return errors;
    }

    private static string? Problem(FormField field, string text) => field.Type switch
    {
        FormFieldTypes.Date when !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
            $"“{field.Label}”应为日期（YYYY-MM-DD）。",
        FormFieldTypes.Number when !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _) =>
            $"“{field.Label}”应为数字。",
        FormFieldTypes.Boolean when !bool.TryParse(text, out _) => $"“{field.Label}”应为 true 或 false。",
        FormFieldTypes.Choice when field.Options is { Count: > 0 } options && !options.Contains(text) =>
            $"“{field.Label}”应为 {string.Join("、", options)} 之一。",
        _ => null,
    };
}
