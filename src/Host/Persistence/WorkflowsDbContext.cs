using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workflows.Host.Notifications.Outbox;
using Workflows.Host.Notifications.Reminders;
using Workflows.Host.Notifications.Templates;
using Workflows.Host.Workspace.Accounts;
using Workflows.Host.Workspace.Audit;

namespace Workflows.Host.Persistence;

/// <summary>
/// The service's database, users and roles (ASP.NET Core Identity's tables) included. Provider-specific
/// subclasses carry their own migrations.
/// </summary>
public abstract class WorkflowsDbContext(DbContextOptions options) : IdentityDbContext<WorkspaceUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();
    public DbSet<InstanceRecord> Instances => Set<InstanceRecord>();
    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();
    public DbSet<TimerRecord> Timers => Set<TimerRecord>();
    public DbSet<JournalRecord> Journal => Set<JournalRecord>();
    public DbSet<ActivityExecutionRow> ActivityExecutions => Set<ActivityExecutionRow>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();
    public DbSet<ReminderRecord> Reminders => Set<ReminderRecord>();
    public DbSet<TemplateRecord> NotificationTemplates => Set<TemplateRecord>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();

    /// <summary>The Data Protection key ring (sign-in cookies, antiforgery tokens), shared by every host.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AppendOnlyGuard.Check(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AppendOnlyGuard.Check(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        AccountsModel.Configure(b);
        AuditModel.Configure(b);
        Workspace.Tasks.TaskWorkModel.Configure(b);
        b.Entity<DefinitionRecord>(e =>
        {
            e.ToTable("WorkflowDefinitions");
            e.HasIndex(x => new { x.DefinitionId, x.Version }).IsUnique();
            e.HasIndex(x => x.Name);
        });
        b.Entity<InstanceRecord>(e =>
        {
            e.ToTable("WorkflowInstances");
            e.Property(x => x.Revision).IsConcurrencyToken();
            // The instance list's filters, each with the default order (newest first) so a page is read off the index;
            // the search's branches (ids and the start of the name) are each an index lookup.
            e.HasIndex(x => new { x.DefinitionId, x.CreatedAt });
            e.HasIndex(x => new { x.Status, x.SubStatus, x.CreatedAt });
            e.HasIndex(x => x.CreatedAt);
            e.HasIndex(x => x.CorrelationId);
            e.HasIndex(x => x.DefinitionVersionId);
            e.HasIndex(x => x.Name);
        });
        b.Entity<BookmarkRecord>(e =>
        {
            e.ToTable("Bookmarks");
            e.HasIndex(x => x.InstanceId);
            e.HasIndex(x => x.Hash);
        });
        b.Entity<TimerRecord>(e =>
        {
            e.ToTable("Timers");
            e.HasKey(x => x.BookmarkId);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.Status, x.DueAt });
            e.HasIndex(x => x.InstanceId);
        });
        b.Entity<JournalRecord>(e =>
        {
            e.ToTable("WorkflowExecutionLog");
            e.HasIndex(x => new { x.InstanceId, x.Sequence });
        });
        b.Entity<ActivityExecutionRow>(e =>
        {
            e.ToTable("ActivityExecutions");
            e.HasIndex(x => new { x.InstanceId, x.ActivityNodeId });
        });
        b.Entity<OutboxMessage>(e =>
        {
            e.ToTable("Outbox");
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.Status, x.CreatedAt });
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => x.InstanceId);
            e.HasIndex(x => x.CaseId);
            e.HasIndex(x => x.CreatedAt);
        });
        b.Entity<DeliveryAttempt>(e =>
        {
            e.ToTable("DeliveryAttempts");
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(24);
            e.HasIndex(x => new { x.OutboxMessageId, x.Attempt });
            e.HasIndex(x => x.StartedAt);
        });
        b.Entity<ReminderRecord>(e =>
        {
            e.ToTable("Reminders");
            e.HasIndex(x => x.Key).IsUnique();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.Status, x.DueAt });
            e.HasIndex(x => new { x.SubjectKind, x.SubjectId });
        });
        b.Entity<TemplateRecord>(e =>
        {
            e.ToTable("NotificationTemplates");
            e.HasKey(x => new { x.Kind, x.Channel });
        });
        PropertyManagement.Persistence.PropertyManagementModel.Configure(b);
        Operations.KeyRing.Configure(b);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SQLite cannot compare DateTimeOffset text in queries; all instants are UTC, so ticks order correctly.
        if (Database.IsSqlite())
        {
            configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configuration.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
        // PostgreSQL keeps instants as timestamptz, which Npgsql writes only from offset 0: an instant that arrives
        // with another offset (a StartAt input in China time) is stored as the same instant in UTC.
        if (Database.IsNpgsql())
        {
            configuration.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
            configuration.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}

public sealed class SqliteWorkflowsDbContext(DbContextOptions<SqliteWorkflowsDbContext> options) : WorkflowsDbContext(options);

/// <summary>Cluster mode; its migrations live in <c>Persistence/Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlWorkflowsDbContext(DbContextOptions<PostgreSqlWorkflowsDbContext> options) : WorkflowsDbContext(options);
