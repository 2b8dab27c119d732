namespace Workflows.PropertyManagement.Deadlines;

/// <summary>
/// A deadline as an activity's inputs give it. <see cref="Period"/> 0 means no deadline.
/// <see cref="AlternativePeriod"/> is a second source's period for the same act ("90日" beside "3个月"): the
/// earlier due date applies, so that obeying it satisfies both sources.
/// </summary>
public sealed record DeadlineRequest(
    int Period,
    string? Unit,
    bool Before,
    string? CountedFrom,
    string? AlternativePeriod = null,
    bool OfficeFiling = false);
