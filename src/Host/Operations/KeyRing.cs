using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;

namespace Workflows.Host.Operations;

/// <summary>
/// ASP.NET Core Data Protection (which protects the sign-in cookie and the forms' antiforgery tokens) keeps its key
/// ring in the service's database instead of each machine's user profile, so every host of a cluster reads and
/// writes the same keys: a cookie issued by one host is accepted by any other, behind a plain round-robin balancer.
/// </summary>
internal static class KeyRing
{
    /// <summary>
    /// Fixed, so that hosts installed in different folders agree (the default discriminator is the content root);
    /// changing it signs everybody out.
    /// </summary>
    public const string ApplicationName = "Workflows.Host";

    public const string Table = "DataProtectionKeys";

    public static IServiceCollection AddDatabaseKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<WorkflowsDbContext>();
        return services;
    }

    public static void Configure(ModelBuilder b) =>
        b.Entity<DataProtectionKey>(e => e.ToTable(Table));
}
