using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Committees;
using Workflows.PropertyManagement.Companies;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Credit;
using Workflows.PropertyManagement.Filings;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.PropertyManagement.Tasks;
using Workflows.PropertyManagement.Votes;

namespace Workflows.Host.PropertyManagement.Persistence;

/// <summary>
/// The EF mapping of the domain's registers and ledgers. The domain classes are mapped as they are (private
/// setters, transition methods), so a row can only change through the domain's state machines. Enums are stored
/// by name; small nested lists as JSON text.
/// </summary>
internal static class PropertyManagementModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Configure(ModelBuilder b)
    {
        b.Entity<Unit>(e =>
        {
            e.ToTable("Units");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Ignore(x => x.Active);
            e.HasIndex(x => x.ParentId);
            e.HasIndex(x => x.Kind);
        });
        b.Entity<Compound>(e =>
        {
            e.ToTable("Compounds");
            e.Property(x => x.FloorArea).HasPrecision(12, 2);
            e.HasIndex(x => x.DistrictId);
            e.Property(x => x.Classification).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(24).HasDefaultValue(CompoundStatus.Managed);
            e.Ignore(x => x.Active);
            e.HasIndex(x => x.StreetOfficeId);
            e.HasIndex(x => x.CommunityId);
            e.HasIndex(x => x.Name);
        });
        b.Entity<PropertyCompany>(e =>
        {
            e.ToTable("PropertyCompanies");
            e.HasIndex(x => x.Name);
            e.Ignore(x => x.Active);
            JsonColumn(e.Property(x => x.Contacts));
        });
        b.Entity<Committee>(e =>
        {
            e.ToTable("Committees");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.HasIndex(x => x.CompoundId);
            JsonColumn(e.Property(x => x.Contact));
        });
        b.Entity<Case>(e =>
        {
            e.ToTable("Cases");
            // The case list: each filter with its order (newest first); the search by the start of the title.
            e.HasIndex(x => new { x.CompoundId, x.StartedAt });
            e.HasIndex(x => new { x.Procedure, x.StartedAt });
            e.HasIndex(x => x.WorkflowInstanceId).IsUnique();
            e.HasIndex(x => x.StartedAt);
            e.HasIndex(x => x.Title);
        });
        b.Entity<OfficerTask>(e =>
        {
            e.ToTable("OfficerTasks");
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.EscalatedFrom).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Revision).IsConcurrencyToken();
            JsonColumn(e.Property(x => x.FormFields));
            JsonColumn(e.Property(x => x.PendingDeadline));
            e.HasIndex(x => x.CaseId);
            e.HasIndex(x => x.BookmarkId).IsUnique();
            // The inbox's scopes: a unit's tasks of a status by due date (open) or completion (done); the compound filter.
            e.HasIndex(x => new { x.UnitId, x.Status, x.DueAt });
            e.HasIndex(x => new { x.UnitId, x.Status, x.CompletedAt });
            e.HasIndex(x => new { x.Status, x.DueAt });
            e.HasIndex(x => x.CompoundId);
        });
        b.Entity<Filing>(e =>
        {
            e.ToTable("Filings");
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.ResponsibleParty).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Authority).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.CopyTo).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => x.CaseId);
            e.HasIndex(x => x.BookmarkId).IsUnique();
            e.HasIndex(x => new { x.Status, x.DueAt });
            e.HasIndex(x => x.AuthorityUnitId);
        });
        b.Entity<CreditRecord>(e =>
        {
            e.ToTable("CreditRecords");
            e.HasIndex(x => x.CompanyId);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<VoteRecord>(e =>
        {
            e.ToTable("OwnersVotes");
            e.Property(x => x.Matter).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.TotalArea).HasPrecision(12, 2);
            e.Property(x => x.ParticipatingArea).HasPrecision(12, 2);
            e.Property(x => x.ApprovingArea).HasPrecision(12, 2);
            e.HasIndex(x => x.CaseId);
        });
        Calendar.HolidayYearRow.Configure(b);
    }

    private static void JsonColumn<T>(PropertyBuilder<T> property) =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<T>(v, Json)!,
                new ValueComparer<T>(
                    (a, c) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(c, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json), Json)!))
            .HasColumnType("TEXT");
}
