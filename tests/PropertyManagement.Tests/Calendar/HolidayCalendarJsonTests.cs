using Workflows.PropertyManagement.Calendar;
using static Workflows.PropertyManagement.Tests.Calendar.CalendarAssert;

namespace Workflows.PropertyManagement.Tests.Calendar;

public sealed class HolidayCalendarJsonTests
{
    // Test data shaped like an admin's file; NOT the State Council's real 2027 arrangement.
    private const string Year2027 = """
        {
          // admins may comment their file
          "years": [
            {
              "year": 2027,
              "holidays": [
                { "from": "2027-01-01", "to": "2027-01-03", "name": "元旦" },
                { "from": "2027-02-06", "to": "2027-02-13", "name": "春节" },
              ],
              "workdays": ["2027-02-14"]
            }
          ]
        }
        """;

    [Fact]
    public void Merging_an_admin_document_adds_its_years_and_leaves_the_shipped_calendar_alone()
    {
        var merged = HolidayCalendar.Shipped.Merge(Year2027);

        Assert.True(merged.Covers(2027));
        Assert.True(merged.Covers(2026));
        Assert.False(HolidayCalendar.Shipped.Covers(2027));
        Assert.Equal("春节", merged.HolidayName(Date("2027-02-10")));
        Assert.True(merged.IsWorkingDay(Date("2027-02-14")));
    }

    [Fact]
    public void With_2027_merged_a_period_reaching_2027_is_computed()
    {
        var legal = new LegalCalendar(HolidayCalendar.Shipped.Merge(Year2027));

        // 2026-12-20 + 15 = 2027-01-04, a Monday after the (test) 元旦 block.
        Expect("2027-01-04", null, legal.AddDays(Date("2026-12-20"), 15));
        // 2026-12-17 + 15 = 2027-01-01, inside the block: moved to 2027-01-04.
        Expect("2027-01-04", "元旦", legal.AddDays(Date("2026-12-17"), 15));
    }

    [Fact]
    public void A_merged_year_replaces_the_same_year_as_a_whole()
    {
        const string Revised = """
            {"years":[{"year":2026,"holidays":[{"from":"2026-01-01","to":"2026-01-01","name":"元旦"}],"workdays":[]}]}
            """;

        var merged = HolidayCalendar.Shipped.Merge(Revised);

        Assert.True(merged.IsWorkingDay(Date("2026-01-02")));
        Assert.Null(merged.HolidayName(Date("2026-10-01")));
        Assert.Equal("国庆节", merged.HolidayName(Date("2025-10-01")));
    }

    [Fact]
    public void A_document_can_be_read_from_a_stream()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Year2027));

        Assert.Equal([2027], HolidayCalendar.Load(stream).Years.Select(y => y.Year));
    }

    [Theory]
    [InlineData(
        """{"years":[{"year":2027,"holidays":[{"from":"2026-12-31","to":"2027-01-01","name":"元旦"}]}]}""",
        "$.years[0].holidays[0].from: 2026-12-31 is outside year 2027")]
    [InlineData(
        """{"years":[{"year":2027,"holidays":[{"from":"2027-01-01","to":"2027-01-01","name":"元旦"}],"workdays":["2028-01-01"]}]}""",
        "$.years[0].workdays[0]: 2028-01-01 is outside year 2027")]
    [InlineData(
        """{"years":[{"year":2027,"holidays":[{"from":"2027-02-06","to":"2027-02-13","name":"春节"}],"workdays":["2027-02-07"]}]}""",
        "$.years[0].workdays[0]: 2027-02-07 is also a holiday (春节 at $.years[0].holidays[0])")]
    [InlineData(
        """{"years":[{"year":"2027","holidays":[]}]}""",
        "$.years[0].year: expected a number, found a string")]
    [InlineData(
        """{"years":[{"year":2027,"holidays":[{"from":20270101,"to":"2027-01-01","name":"元旦"}]}]}""",
        "$.years[0].holidays[0].from: expected a string, found a number")]
    [InlineData(
        """{"years":[{"year":2027,"holidays":[{"from":"2027-1-1","to":"2027-01-01","name":"元旦"}]}]}""",
        "$.years[0].holidays[0].from: \"2027-1-1\" is not a date in the form yyyy-MM-dd")]
    [InlineData(
        """{"years":[{"year":2027,"holiday":[]}]}""",
        "$.years[0]: unknown property \"holiday\"")]
    [InlineData(
        """{"years":{"year":2027}}""",
        "$.years: expected an array, found an object")]
    [InlineData(
        """{"years":[{"year":2027,"holidays":[{"from":"2027-01-01","to":"2027-01-01","name":"元旦"}],"workdays":["2027-01-08"]}]}""",
        "$.years[0].workdays[0]: 2027-01-08 is a Friday; a make-up working day is a Saturday or Sunday")]
    [InlineData(
        """{"years":[{"year":2027,"holidays":[{"from":"2027-10-01","to":"2027-10-07","name":"国庆节"},{"from":"2027-10-07","to":"2027-10-08","name":"中秋节"}]}]}""",
        "$.years[0].holidays[1]: 中秋节 overlaps 国庆节 at $.years[0].holidays[0] (both include 2027-10-07)")]
    [InlineData(
        """{"years":[{"year":2027,"holidays":[{"from":"2027-10-07","to":"2027-10-01","name":"国庆节"}]}]}""",
        "$.years[0].holidays[0]: from 2027-10-07 is after to 2027-10-01")]
    [InlineData(
        """{"years":[{"year":2027,"holidays":[{"from":"2027-10-01","to":"2027-10-07","name":" "}]}]}""",
        "$.years[0].holidays[0].name: required")]
    [InlineData(
        """{"years":[{"year":2027,"holidays":[]}]}""",
        "$.years[0].holidays: at least one holiday is required")]
    [InlineData(
        """{"years":[{"year":20277,"holidays":[{"from":"2027-10-01","to":"2027-10-07","name":"国庆节"}]}]}""",
        "$.years[0].year: 20277 is not a year between 1900 and 2999")]
    [InlineData(
        """{"years":[{"year":2027,"holidays":[{"from":"2027-01-01","to":"2027-01-01","name":"元旦"}]},{"year":2027,"holidays":[{"from":"2027-01-01","to":"2027-01-01","name":"元旦"}]}]}""",
        "$.years[1].year: 2027 appears twice (also at $.years[0])")]
    [InlineData(
        """{"years":[{"year":2027,"holidays":[{"from":"2027-01-01","to":"2027-01-01"}]}]}""",
        "$.years[0].holidays[0].name: required")]
    [InlineData("""{"yeras":[]}""", "$: unknown property \"yeras\"")]
    [InlineData("""{"years":[}""", "$: not valid JSON: '}' is an invalid start of a value. (line 1, byte 11)")]
    [InlineData("", "$: not valid JSON")]
    public void A_bad_document_is_refused_with_the_path_and_the_problem(string json, string expected)
    {
        var ex = Assert.Throws<HolidayCalendarFormatException>(() => HolidayCalendar.Load(json));

        Assert.Contains(ex.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_document_is_reported_at_once()
    {
        const string Json = """
            {"years":[{"year":2027,"holidays":[{"from":"2027-1-1","to":"2027-01-01","name":"元旦"}],"workdays":[1],"notes":""}]}
            """;

        var ex = Assert.Throws<HolidayCalendarFormatException>(() => HolidayCalendar.Shipped.Merge(Json));

        Assert.Equal(3, ex.Errors.Count);
    }
}
