using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>The traffic light of an open task: red overdue, yellow due within the warning window, green otherwise.</summary>
public static class TaskLights
{
    public const string Red = "red";
    public const string Yellow = "yellow";
    public const string Green = "green";

    /// <summary>Finished tasks and tasks without a due date.</summary>
    public const string None = "none";
}

/// <summary>How much time a task has left, counted in China calendar days from <c>now</c>.</summary>
/// <param name="DaysLeft">Days until the due date (0 = due today, negative = days overdue); null without a due date.</param>
public sealed record TaskTiming(string Light, int? DaysLeft, string TimeLeft, string TimeLeftEnglish)
{
    public static TaskTiming Of(OfficerTask task, DateTimeOffset now, int warningDays)
    {
        if (!task.IsActive) return new(TaskLights.None, null, "", "");
        if (task.DueDate is not { } due || task.DueAt is not { } dueAt) return new(TaskLights.None, null, "无期限", "No deadline");
        var today = ChinaTime.ToLocalDate(now);
        var daysLeft = due.DayNumber - today.DayNumber;
        if (task.OverdueAt is not null || now >= dueAt)
        {
            var late = Math.Max(1, -daysLeft);
            return new(TaskLights.Red, daysLeft, $"已超期{late}天", $"{late} day(s) overdue");
        }
        var light = daysLeft <= warningDays ? TaskLights.Yellow : TaskLights.Green;
        return daysLeft == 0
            ? new(light, 0, "今日到期", "Due today")
            : new(light, daysLeft, $"剩余{daysLeft}天", $"{daysLeft} day(s) left");
    }
}
