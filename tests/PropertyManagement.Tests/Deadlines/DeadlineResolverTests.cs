using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Deadlines;

namespace Workflows.PropertyManagement.Tests.Deadlines;

public sealed class DeadlineResolverTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 25, 1, 0, 0, TimeSpan.Zero); // 09:00 in China
    private readonly DeadlineResolver _resolver = new(new LegalCalendar(HolidayCalendar.Shipped), OfficeHours.Default);

    [Fact]
    public void Filing_at_an_office_ends_at_closing_time_of_the_due_day_in_china()
    {
        var deadline = _resolver.Resolve(new DeadlineRequest(15, PeriodUnit.Days, false, "2026-09-17", OfficeFiling: true), Now)!;
        Assert.Equal(new DateOnly(2026, 10, 8), deadline.DueDate);
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 17, 30, 0, TimeSpan.FromHours(8)), deadline.DueAt);
        Assert.Contains("17:30", deadline.Explanation[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Other_periods_end_at_midnight_and_start_today_in_china_when_no_date_is_given()
    {
        var lateEvening = new DateTimeOffset(2026, 9, 24, 17, 0, 0, TimeSpan.Zero); // 2026-09-25 01:00 in China
        var deadline = _resolver.Resolve(new DeadlineRequest(1, PeriodUnit.WorkingDays, false, null), lateEvening)!;
        Assert.Equal((new DateOnly(2026, 9, 25), new DateOnly(2026, 9, 28)), (deadline.CountedFrom, deadline.DueDate));
        Assert.Equal(new DateTimeOffset(2026, 9, 29, 0, 0, 0, TimeSpan.FromHours(8)), deadline.DueAt);
    }

    [Theory]
    [InlineData(15, false, "9999-12-31")]
    [InlineData(3, true, "0001-01-01")]
    public void A_start_date_at_the_end_of_the_calendar_is_refused_in_chinese_not_with_dotnets_overflow_message(int days, bool before, string from)
    {
        var refused = Assert.Throws<DeadlineException>(() => _resolver.Resolve(new DeadlineRequest(days, PeriodUnit.Days, before, from), Now));

        Assert.Equal("CountedFrom", refused.InputName);
        Assert.Contains($"起算日 {from} 超出可计算的日期范围", refused.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("out of range", refused.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Two_sources_give_the_earlier_due_date()
    {
        // Non-renewal notice before expiry on 2026-05-28: 3 months before is Saturday 02-28, a make-up working day;
        // 90 days before is Friday 02-27, which is earlier and applies.
        var alternative = _resolver.Resolve(new DeadlineRequest(3, PeriodUnit.Months, true, "2026-05-28", "90日"), Now)!;
        Assert.Equal(new DateOnly(2026, 2, 27), alternative.DueDate);
        Assert.Contains("两者取较早的 2026-02-27", alternative.Explanation[^2], StringComparison.Ordinal);

        // Expiry on 2026-06-30: 3 months before is 03-30, earlier than 90 days before (04-01).
        var primary = _resolver.Resolve(new DeadlineRequest(3, PeriodUnit.Months, true, "2026-06-30", "90日"), Now)!;
        Assert.Equal(new DateOnly(2026, 3, 30), primary.DueDate);
        Assert.Contains("2026-04-01", primary.Explanation[^2], StringComparison.Ordinal);
    }

    [Fact]
    public void No_period_or_an_unknown_anchor_of_a_backward_period_means_no_deadline()
    {
        Assert.Null(_resolver.Resolve(new DeadlineRequest(0, PeriodUnit.Days, false, "2026-09-17"), Now));
        Assert.Null(_resolver.Resolve(new DeadlineRequest(15, PeriodUnit.Days, true, null), Now));
    }

    [Fact]
    public void Unreadable_inputs_and_uncovered_years_name_the_input_in_chinese()
    {
        Assert.Equal("CountedFrom", Assert.Throws<DeadlineException>(() => _resolver.Resolve(new DeadlineRequest(15, PeriodUnit.Days, false, "17/09/2026"), Now)).InputName);
        Assert.Equal("PeriodUnit", Assert.Throws<DeadlineException>(() => _resolver.Resolve(new DeadlineRequest(15, "Weeks", false, null), Now)).InputName);
        Assert.Equal("AlternativePeriod", Assert.Throws<DeadlineException>(() => _resolver.Resolve(new DeadlineRequest(15, PeriodUnit.Days, false, null, "两周"), Now)).InputName);
        var uncovered = Assert.Throws<DeadlineException>(() => _resolver.Resolve(new DeadlineRequest(15, PeriodUnit.Days, false, "2026-12-25"), Now));
        Assert.Contains("2027 年的节假日安排尚未录入", uncovered.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90日", 90, null, PeriodKind.Calendar)]
    [InlineData("90 天", 90, null, PeriodKind.Calendar)]
    [InlineData("3个月", null, 3, PeriodKind.Calendar)]
    [InlineData("5个工作日", 5, null, PeriodKind.Working)]
    [InlineData("5 working days", 5, null, PeriodKind.Working)]
    public void Period_text_reads_the_way_the_law_writes_periods(string text, int? days, int? months, PeriodKind kind)
    {
        var spec = PeriodText.Parse(text, before: true);
        Assert.Equal((days, months, kind, true), (spec.Days, spec.Months, spec.Kind, spec.Before));
    }

    [Fact]
    public void Reminder_days_are_read_distinct_and_largest_first()
    {
        Assert.Equal([60, 30, 7, 0], DeadlineResolver.ParseReminderDays("7, 60，30,0,7"));
        Assert.Empty(DeadlineResolver.ParseReminderDays(" "));
        Assert.Throws<DeadlineException>(() => DeadlineResolver.ParseReminderDays("5,-1"));
    }
}
