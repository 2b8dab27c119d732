using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;

// Usage: dotnet run --project tools/MigrationScaffolder -- <MigrationName> [--provider Sqlite|PostgreSql]
// Adds a migration for every provider's context (or only the one named) under
// src/Host/Persistence/Migrations/<Provider>. Nothing connects to a database: the model is compared with the
// provider's snapshot.
string[] providers = [DatabaseOptions.Sqlite, DatabaseOptions.PostgreSql];
var only = args.Length == 3 && args[1] == "--provider" ? args[2] : null;
if (args.Length is not (1 or 3) || (args.Length == 3 && !providers.Contains(only)))
{
    Console.Error.WriteLine("Usage: MigrationScaffolder <MigrationName> [--provider Sqlite|PostgreSql]");
    return 2;
}
var name = args[0];
var hostProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Host"));
var assembly = typeof(WorkflowsDbContext).Assembly;

if (only is null or DatabaseOptions.Sqlite)
{
    Scaffold(new SqliteWorkflowsDbContext(new DbContextOptionsBuilder<SqliteWorkflowsDbContext>()
        .UseSqlite("Data Source=design-time.db").Options), DatabaseOptions.Sqlite);
}
if (only is null or DatabaseOptions.PostgreSql)
{
    Scaffold(new PostgreSqlWorkflowsDbContext(new DbContextOptionsBuilder<PostgreSqlWorkflowsDbContext>()
        .UseNpgsql("Host=design-time;Database=workflows").Options), DatabaseOptions.PostgreSql);
}
return 0;

void Scaffold(DbContext context, string provider)
{
#pragma warning disable EF1001 // The design-time services builder is what dotnet-ef itself uses.
    var reporter = new OperationReporter(new OperationReportHandler(
        e => Console.Error.WriteLine(e), w => Console.WriteLine(w), i => Console.WriteLine(i), v => { }));
    var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, []).Build(context);
#pragma warning restore EF1001
    var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, "Workflows.Host", $"Persistence.Migrations.{provider}");
    var files = scaffolder.Save(hostProject, migration, Path.Combine(hostProject, "Persistence", "Migrations", provider));
    Console.WriteLine($"{provider}: {files.MigrationFile}");
}
