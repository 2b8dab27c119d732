using Microsoft.EntityFrameworkCore;

namespace Workflows.Host.PropertyManagement.Calendar;

/// <summary>
/// A holiday year an admin entered (table <c>HolidayYears</c>), over the years the service ships. The document is the
/// year in the calendar's JSON format (src/Workflows/PropertyManagement/Calendar/README.md). <see cref="Version"/>
/// grows with every entry across the table: a host whose loaded calendar is older than the table's highest version
/// reloads it, so a year entered through one host counts on all of them.
/// </summary>
public sealed class HolidayYearRow
{
    public int Year { get; set; }

    /// <summary>{"years":[{...}]} with this one year.</summary>
    public string DocumentJson { get; set; } = "";

    /// <summary>The State Council notice, e.g. 国办发明电〔2026〕7号.</summary>
    public string? NoticeNumber { get; set; }

    public DateOnly? NoticeDate { get; set; }

    /// <summary>非官方: not the published arrangement (the Development demo's provisional year).</summary>
    public bool Unofficial { get; set; }

    public DateTimeOffset EnteredAt { get; set; }
    public string EnteredBy { get; set; } = "";
    public long Version { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<HolidayYearRow>(e =>
    {
        e.ToTable("HolidayYears");
        e.HasKey(x => x.Year);
        e.Property(x => x.Year).ValueGeneratedNever();
        e.Property(x => x.NoticeNumber).HasMaxLength(100);
        e.Property(x => x.EnteredBy).HasMaxLength(256);
        e.Property(x => x.DocumentJson).HasColumnType("TEXT");
        e.HasIndex(x => x.Version).IsUnique();
    });
}
