using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Activities;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.PropertyManagement.Tests.Tasks;

public sealed class OfficerTaskTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 25, 1, 0, 0, TimeSpan.Zero);

    private static OfficerTask New(string type = PmActivities.OfficerTask) =>
        new("t1", "c1", "i1", "b1", type, "社区调解", Actor.Community, "u1", "第一社区", Now);

    [Fact]
    public void Task_goes_open_claimed_done_and_each_transition_bumps_the_revision()
    {
        var task = New();
        task.Claim("officer-1", Now);
        Assert.Equal((OfficerTaskStatus.Claimed, 2L), (task.Status, task.Revision));
        task.Release();
        Assert.Equal((OfficerTaskStatus.Open, 3L), (task.Status, task.Revision));
        task.MarkOverdue(Now);
        Assert.True(task.IsActive);
        task.Complete("已解决", "{}", "officer-1", null, Now);
        Assert.Equal((OfficerTaskStatus.Done, 5L, "已解决"), (task.Status, task.Revision, task.Outcome));
    }

    [Fact]
    public void Done_and_cancelled_tasks_refuse_further_transitions()
    {
        var done = New();
        done.Complete(null, null, null, null, Now);
        Assert.Throws<DomainStateException>(() => done.Complete(null, null, null, null, Now));
        Assert.Throws<DomainStateException>(() => done.Cancel("x", Now));
        Assert.Throws<DomainStateException>(() => done.MarkOverdue(Now));
        var cancelled = New();
        cancelled.Cancel("流程已撤销", Now);
        Assert.Throws<DomainStateException>(() => cancelled.Claim("o", Now));
        Assert.Throws<DomainStateException>(() => New().Release());
    }

    [Fact]
    public void Only_offices_receive_tasks() =>
        Assert.Throws<ArgumentException>(() => new OfficerTask("t", "c", "i", "b", PmActivities.OfficerTask, "x", Actor.PropertyCompany, "u", "n", Now));

    [Fact]
    public void Submission_must_choose_a_configured_outcome_and_fill_the_required_fields_with_valid_values()
    {
        var task = New();
        task.Outcomes = ["已解决", "上报街道"];
        task.FormFields =
        [
            new FormField("heldOn", "会议日期", FormFieldTypes.Date, Required: true),
            new FormField("score", "得分", FormFieldTypes.Number),
            new FormField("kind", "类别", FormFieldTypes.Choice, Options: ["甲", "乙"]),
        ];
        var errors = TaskSubmissionRules.Validate(task, new TaskSubmission("不管了", new JsonObject { ["score"] = "九十", ["kind"] = "丙" }, null));
        Assert.Equal(["form.heldOn", "form.kind", "form.score", "outcome"], errors.Keys.Order());
        Assert.Empty(TaskSubmissionRules.Validate(task, new TaskSubmission("已解决", new JsonObject { ["heldOn"] = "2026-09-30", ["score"] = 90, ["kind"] = "甲" }, null)));

        var plain = New();
        Assert.Empty(TaskSubmissionRules.Validate(plain, new TaskSubmission(null, null, null)));
        Assert.True(TaskSubmissionRules.Validate(plain, new TaskSubmission("已解决", null, null)).ContainsKey("outcome"));
    }

    [Fact]
    public void Vote_submission_defaults_the_totals_and_checks_the_tally()
    {
        var task = New(PmActivities.OwnersVote);
        task.FormFields = [.. Workflows.PropertyManagement.Votes.VoteForm.Fields(300m, 30)];
        var ok = new JsonObject { ["participatingArea"] = 200, ["participatingOwners"] = 20, ["approvingArea"] = 150, ["approvingOwners"] = 15, ["decidedOn"] = "2026-09-25" };
        Assert.Empty(TaskSubmissionRules.Validate(task, new TaskSubmission(null, ok, null)));
        var bad = ok.DeepClone().AsObject();
        bad["approvingOwners"] = 21;
        bad.Remove("decidedOn");
        Assert.Equal(["form.decidedOn"], TaskSubmissionRules.Validate(task, new TaskSubmission(null, bad, null)).Keys);
        bad["decidedOn"] = "2026-09-25";
        Assert.Equal(["form.approvingOwners"], TaskSubmissionRules.Validate(task, new TaskSubmission(null, bad, null)).Keys);
    }
}
