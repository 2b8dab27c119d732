using System.Globalization;
using Workflows.PropertyManagement.Calendar;

namespace Workflows.Host.Web;

/// <summary>Instants as the pages show them: China time, to the minute, the same in both languages.</summary>
public static class PageTime
{
    public static string Minute(DateTimeOffset instant) =>
        ChinaTime.ToChinaTime(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
