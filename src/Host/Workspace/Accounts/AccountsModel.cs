using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Security;

namespace Workflows.Host.Workspace.Accounts;

/// <summary>The EF mapping of the user's own columns, and the five roles as fixed rows (vocabulary, not data).</summary>
internal static class AccountsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<WorkspaceUser>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(WorkspaceUser.MaxNameLength);
            e.Property(x => x.UnitId).HasMaxLength(64);
            e.Property(x => x.UnitKind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.UnitName).HasMaxLength(128);
            e.HasIndex(x => x.UnitId);
        });
        b.Entity<PasswordHistoryEntry>(e =>
        {
            e.ToTable("PasswordHistory");
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.PasswordHash).HasMaxLength(512);
            e.HasIndex(x => x.UserId);
            e.HasOne<WorkspaceUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        // Fixed ids and stamps: the rows are part of the model, so every migration of it sees the same data.
        b.Entity<IdentityRole>().HasData(Roles.All.Select(role => new IdentityRole(role)
        {
            Id = RoleId(role),
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = RoleId(role),
        }));
    }

    public static string RoleId(string role) => "role-" + role;
}
