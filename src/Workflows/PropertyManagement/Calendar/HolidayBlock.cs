namespace Workflows.PropertyManagement.Calendar;

/// <summary>Consecutive days off of one public holiday, both ends inclusive (JSON: <c>{"from","to","name"}</c>).</summary>
/// <param name="From">First day off.</param>
/// <param name="To">Last day off (equal to <paramref name="From"/> for a one-day holiday).</param>
/// <param name="Name">The holiday's Chinese name, e.g. 春节.</param>
public sealed record HolidayBlock(DateOnly From, DateOnly To, string Name)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;
}
