using Workflows.PropertyManagement.Calendar;
using static Workflows.PropertyManagement.Tests.Calendar.CalendarAssert;

namespace Workflows.PropertyManagement.Tests.Calendar;

public sealed class ComputeTests
{
    public static TheoryData<string, PeriodSpec, string> Specs => new()
    {
        { "2026-09-17", PeriodSpec.OfDays(15), "2026-10-08" },
        { "2026-09-28", PeriodSpec.OfWorkingDays(5), "2026-10-10" },
        { "2026-01-31", PeriodSpec.OfMonths(1), "2026-02-28" },
        { "2026-10-20", PeriodSpec.OfDays(15).Backward(), "2026-09-30" },
        { "2026-10-09", PeriodSpec.OfWorkingDays(3).Backward(), "2026-09-29" },
        { "2026-12-31", PeriodSpec.OfMonths(3).Backward(), "2026-09-30" },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Compute_dispatches_on_the_spec(string from, PeriodSpec spec, string expected)
    {
        Expect(expected, null, Legal.Compute(Date(from), spec));
    }

    public static TheoryData<PeriodSpec, string> BadSpecs => new()
    {
        { new PeriodSpec(), "neither" },
        { new PeriodSpec { Days = 15, Months = 1 }, "not both" },
        { PeriodSpec.OfDays(0), "got 0" },
        { PeriodSpec.OfDays(-3), "got -3" },
        { PeriodSpec.OfMonths(-1), "got -1" },
        { new PeriodSpec { Months = 3, Kind = PeriodKind.Working }, "days only" },
        { new PeriodSpec { Days = 3, Kind = (PeriodKind)7 }, "Unknown period kind 7" },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public void Compute_refuses_a_spec_that_is_not_a_period(PeriodSpec spec, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => Legal.Compute(Date("2026-03-02"), spec));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_reads_as_the_law_writes_it()
    {
        Assert.Equal("15日", PeriodSpec.OfDays(15).ToString());
        Assert.Equal("5个工作日", PeriodSpec.OfWorkingDays(5).ToString());
        Assert.Equal("提前3个月", PeriodSpec.OfMonths(3).Backward().ToString());
    }
}
