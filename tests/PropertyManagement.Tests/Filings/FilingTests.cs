using Workflows.PropertyManagement.Filings;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.PropertyManagement.Tests.Filings;

public sealed class FilingTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 25, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Due = new(2026, 10, 8);

    private static Filing New() => new("f1", "c1", "i1", "b1", FilingType.ServiceContract, Actor.PropertyCompany, "某物业",
        Actor.DistrictHousingBureau, "zjj", new DateOnly(2026, 9, 17), Due, new DateTimeOffset(2026, 10, 8, 9, 30, 0, TimeSpan.Zero), Now);

    [Theory]
    [InlineData("2026-09-18", FilingStatus.OnTime)]
    [InlineData("2026-10-08", FilingStatus.OnTime)]
    [InlineData("2026-10-09", FilingStatus.Late)]
    public void Recording_a_pending_filing_compares_the_filed_date_with_the_due_date(string filedOn, FilingStatus expected)
    {
        var filing = New();
        filing.Record(DateOnly.Parse(filedOn), "R-1", "clerk", Now);
        Assert.Equal(expected, filing.Status);
        Assert.Equal(2, filing.Revision);
    }

    [Fact]
    public void Overdue_filing_recorded_later_is_late_unless_the_receipt_shows_it_was_filed_in_time()
    {
        var late = New();
        late.MarkOverdue(Now);
        Assert.Equal(FilingStatus.Overdue, late.Status);
        Assert.True(late.IsOpen);
        late.Record(new DateOnly(2026, 10, 12), null, null, Now);
        Assert.Equal(FilingStatus.Late, late.Status);

        var backdated = New();
        backdated.MarkOverdue(Now);
        backdated.Record(Due, "R-2", null, Now);
        Assert.Equal(FilingStatus.OnTime, backdated.Status);
    }

    [Fact]
    public void Recorded_filings_are_final()
    {
        var filing = New();
        filing.Record(Due, null, null, Now);
        Assert.False(filing.IsOpen);
        Assert.Throws<DomainStateException>(() => filing.Record(Due, null, null, Now));
        Assert.Throws<DomainStateException>(() => filing.MarkOverdue(Now));
        var overdue = New();
        overdue.MarkOverdue(Now);
        Assert.Throws<DomainStateException>(() => overdue.MarkOverdue(Now));
    }
}
