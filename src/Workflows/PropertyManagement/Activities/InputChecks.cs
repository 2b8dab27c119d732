using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Deadlines;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.Runtime.Activities;

namespace Workflows.PropertyManagement.Activities;

/// <summary>
/// The checks a domain activity's inputs can have before it runs, with the same readers the run uses, so that
/// saving or publishing refuses what every start would fail on (a period of -3, an unknown unit, a form that is
/// not a JSON array). Inputs given by an expression are only known when the activity runs and are not checked.
/// </summary>
internal static class InputChecks
{
    public static IEnumerable<InputProblem> Check(IActivityInputs inputs, ActivityDescriptor descriptor, bool periodRequired = false)
    {
        var problems = new List<InputProblem>();
        bool Has(string name) => descriptor.FindInput(name) is not null && inputs.IsKnown(name);

        foreach (var input in descriptor.Inputs.Where(i => i.UiHint == UiHints.Dropdown && i.Name != "PeriodUnit"))
            if (Has(input.Name))
                Capture(problems, input.Name, () => CheckChoice(inputs, input));

        if (Has("Period"))
            Capture(problems, "Period", () =>
            {
                var period = InputReader.Number(inputs, "Period");
                if (period < 0)
                    throw new InvalidOperationException($"期限不能为负数（{period}）；0 表示不设期限。");
                if (periodRequired && period == 0)
                    throw new InvalidOperationException("必须设定期限（大于 0 的数）。");
                if (period > 0 && Has("PeriodUnit") && Has("Before"))
                {
                    try
                    {
                        PeriodUnit.Spec(period, InputReader.Text(inputs, "PeriodUnit"), InputReader.Flag(inputs, "Before")).Validate();
                    }
                    catch (ArgumentException ex)
                    {
                        problems.Add(new InputProblem("PeriodUnit", Plain(ex)));
                    }
                }
            });
        if (Has("CountedFrom"))
            Capture(problems, "CountedFrom", () =>
            {
                var from = DeadlineResolver.ParseDate(InputReader.Text(inputs, "CountedFrom"), "CountedFrom");
                if (periodRequired && from is null && Has("Before") && InputReader.Flag(inputs, "Before"))
                    throw new InvalidOperationException("倒数期限必须填写起算日。");
            });
        if (Has("AlternativePeriod") && InputReader.Text(inputs, "AlternativePeriod") is { } alternative)
            Capture(problems, "AlternativePeriod", () => PeriodText.Parse(alternative, Has("Before") && InputReader.Flag(inputs, "Before")).Validate());
        if (Has("Reminders"))
            Capture(problems, "Reminders", () => DeadlineResolver.ParseReminderDays(InputReader.Text(inputs, "Reminders")));
        if (Has("FormFields"))
            Capture(problems, "FormFields", () => InputReader.FormFields(inputs));
        return problems;
    }

    /// <summary>A dropdown's value must be one of its items (by value or text), or a party the run can read.</summary>
    private static void CheckChoice(IActivityInputs inputs, InputDescriptor input)
    {
        if (InputReader.Text(inputs, input.Name) is not { } text) return;
        var items = input.UiSpecifications?["dropdown"]?["selectList"]?["items"] as JsonArray ?? [];
        var allowed = items.OfType<JsonObject>()
            .SelectMany(i => new[] { i["value"]?.ToString(), i["text"]?.ToString() })
            .OfType<string>().ToList();
        if (allowed.Count == 0 || allowed.Contains(text, StringComparer.OrdinalIgnoreCase) || Actors.TryParse(text, out _)) return;
        var choices = items.OfType<JsonObject>().Select(i => i["text"]?.ToString()).OfType<string>().Where(s => s.Length > 0);
        throw new InvalidOperationException($"“{text}”不是可选的值（可选：{string.Join("、", choices)}）。");
    }

    private static void Capture(List<InputProblem> problems, string inputName, Action check)
    {
        try
        {
            check();
        }
        catch (DeadlineException ex)
        {
            problems.Add(new InputProblem(inputName, ex.Detail));
        }
        catch (ArgumentException ex)
        {
            problems.Add(new InputProblem(inputName, Plain(ex)));
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            problems.Add(new InputProblem(inputName, WithoutInputName(ex.Message, inputName)));
        }
    }

    /// <summary>An argument exception's message without .NET's " (Parameter 'x')" suffix.</summary>
    private static string Plain(ArgumentException ex) =>
        ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : ex.Message;

    /// <summary>The readers prefix their messages with the input's name ("Period: …"); the validator names it in words.</summary>
    private static string WithoutInputName(string message, string inputName) =>
        message.StartsWith(inputName + ": ", StringComparison.Ordinal) ? message[(inputName.Length + 2)..] : message;
}
