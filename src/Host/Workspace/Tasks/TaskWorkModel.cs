using Microsoft.EntityFrameworkCore;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>The EF mapping of the workspace's task records: notes, extension requests, operation ids.</summary>
internal static class TaskWorkModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<TaskNote>(e =>
        {
            e.ToTable("TaskNotes");
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.Reference).HasMaxLength(1000);
            e.Property(x => x.By).HasMaxLength(128);
            e.HasIndex(x => x.TaskId);
        });
        b.Entity<TaskExtension>(e =>
        {
            e.ToTable("TaskExtensions");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.DecisionNote).HasMaxLength(2000);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => x.TaskId);
            // At most one pending request per task, held by the database (two requests at once: one is refused).
            // The filter is plain SQL that SQLite and PostgreSQL both read.
            e.HasIndex(x => x.TaskId, "IX_TaskExtensions_OnePendingPerTask").IsUnique().HasFilter("\"Status\" = 'Pending'");
            e.HasIndex(x => new { x.SupervisorUnitId, x.Status });
        });
        b.Entity<TaskOperation>(e =>
        {
            e.ToTable("TaskOperations");
            e.HasKey(x => x.OperationId);
            e.Property(x => x.OperationId).HasMaxLength(100);
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.Caller).HasMaxLength(128);
            e.HasIndex(x => x.TaskId);
        });
    }
}
