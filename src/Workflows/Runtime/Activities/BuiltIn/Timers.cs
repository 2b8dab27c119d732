using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Activities.BuiltIn;

/// <summary><c>Elsa.Delay</c>: waits for a time span. The bookmark carries the instant; the host's timer resumes it.</summary>
internal sealed class Delay : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Delay", Name = "Delay", Namespace = "Elsa", Category = Categories.Scheduling,
        DisplayName = "延时", Description = "等待一段时间后继续（格式 天.时:分:秒，例如 15.00:00:00 为 15 天）。",
        Inputs =
        [
            new InputDescriptor
            {
                Name = "TimeSpan", TypeName = "TimeSpan", DisplayName = "时长", IsRequired = true,
                Description = "天.时:分:秒，例如 15.00:00:00",
            },
        ],
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var span = context.GetInput<TimeSpan>("TimeSpan");
        if (span <= TimeSpan.Zero)
            context.Complete(PortDescriptor.Done);
        else
            context.CreateBookmark(Descriptor.TypeName, new JsonObject { ["resumeAt"] = (context.Now + span).ToString("O") }, context.Now + span);
        return ValueTask.CompletedTask;
    }
}

/// <summary><c>Elsa.StartAt</c>: waits until an instant.</summary>
internal sealed class StartAt : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.StartAt", Name = "StartAt", Namespace = "Elsa", Category = Categories.Scheduling,
        DisplayName = "定时继续", Description = "等到指定时间后继续；时间已过则立即继续。",
        Inputs =
        [
            new InputDescriptor
            {
                Name = "DateTime", TypeName = "DateTimeOffset", DisplayName = "时间", UiHint = UiHints.DateTimePicker,
                IsRequired = true, Description = "ISO-8601，例如 2026-10-08T17:30:00+08:00",
            },
        ],
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var at = context.GetInput<DateTimeOffset>("DateTime");
        if (at <= context.Now)
            context.Complete(PortDescriptor.Done);
        else
            context.CreateBookmark(Descriptor.TypeName, new JsonObject { ["resumeAt"] = at.ToString("O") }, at);
        return ValueTask.CompletedTask;
    }
}

/// <summary><c>Elsa.Event</c>: waits until an event with this name is published; its payload becomes the output.</summary>
internal sealed class Event : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Event", Name = "Event", Namespace = "Elsa", Category = Categories.Primitives,
        DisplayName = "等待事件", Description = "等待指定名称的事件发生后继续；事件数据作为输出 Result。", Kind = ActivityKind.Trigger,
        Inputs = [new InputDescriptor { Name = "EventName", TypeName = "String", DisplayName = "事件名称", IsRequired = true }],
        Outputs = [new OutputDescriptor { Name = "Result", TypeName = "Object", DisplayName = "事件数据" }],
    };

    public static string HashOf(string eventName) => "event:" + eventName;

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var name = context.GetInput<string>("EventName");
        if (string.IsNullOrWhiteSpace(name))
            throw new InvalidOperationException($"Event activity '{context.Node.Id}' has no event name.");
        context.CreateBookmark(Descriptor.TypeName, new JsonObject { ["eventName"] = name }, hash: HashOf(name));
        return ValueTask.CompletedTask;
    }

    public ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        context.SetOutput("Result", context.ResumeInput);
        context.Complete(PortDescriptor.Done);
        return ValueTask.CompletedTask;
    }
}
