using Workflows.PropertyManagement.Calendar;

namespace Workflows.PropertyManagement.Deadlines;

/// <summary>
/// When offices close, China time: a filing made at an office is due before closing on its last day (Civil Code
/// art. 203 para. 2). A local setting (<c>Calendar:OfficeClosing</c>), default 17:30.
/// </summary>
public sealed record OfficeHours(TimeOnly Closing)
{
    public static readonly OfficeHours Default = new(LegalCalendar.DefaultOfficeClosing);
}
