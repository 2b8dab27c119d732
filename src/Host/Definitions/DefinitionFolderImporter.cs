using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Host.ElsaApi;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Audit;
using Workflows.Runtime;
using Workflows.Runtime.Definitions;

namespace Workflows.Host.Definitions;

/// <summary>Configuration section <c>Definitions</c>.</summary>
public sealed class DefinitionFolderOptions
{
    public const string Section = "Definitions";

    /// <summary>Folder of Elsa JSON files imported on start. Default: <c>definitions</c> beside the service's binaries.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "definitions");
}

/// <summary>
/// Imports <c>definitions/*.json</c> on start: a changed file becomes a new published version, an unchanged
/// one does nothing, and a file that fails validation is logged with the reason and skipped.
/// </summary>
internal sealed class DefinitionFolderImporter(DefinitionService definitions, DefinitionAudit audit, IOptions<DefinitionFolderOptions> options,
    ILogger<DefinitionFolderImporter> logger)
{
    public async Task<ImportReport> ImportAsync(CancellationToken ct)
    {
        var folder = options.Value.Path;
        var report = new ImportReport();
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Definitions folder {Folder} does not exist; nothing imported", folder);
            return report;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(file);
            try
            {
                var definition = DefinitionJson.Deserialize(await File.ReadAllTextAsync(file, ct));
                if (await ImportOnceAsync(definition, name, ct))
                {
                    report.Imported.Add(name);
                    logger.LogInformation("Imported {File} as a new published version of {DefinitionId}", name, definition.DefinitionId);
                }
                else
                {
                    report.Unchanged.Add(name);
                }
            }
            catch (Exception ex) when (ex is DefinitionFormatException or DefinitionValidationException)
            {
                report.Failed.Add(name);
                logger.LogError("Skipped definition file {File}: {Reason}", name, ex.Message);
            }
        }
        logger.LogInformation("Definitions: {Imported} imported, {Unchanged} unchanged, {Failed} failed",
            report.Imported.Count, report.Unchanged.Count, report.Failed.Count);
        return report;
    }

    /// <summary>
    /// Cluster hosts starting together import the same files at the same moment: both see the old version and
    /// both write the next number, and the unique (DefinitionId, Version) index refuses the second. Nothing of
    /// the loser was written, so it looks again and now finds the winner's version unchanged.
    /// </summary>
    private async Task<bool> ImportOnceAsync(WorkflowDefinition definition, string name, CancellationToken ct)
    {
        try
        {
            return await ImportAuditedAsync(definition.Clone(), ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The refused attempt's transaction (with its audit entry) was rolled back whole; the second look runs in a new one.
            logger.LogInformation("{File} was imported by another host at the same moment; checking again", name);
            return await ImportAuditedAsync(definition, ct);
        }
    }

    private Task<bool> ImportAuditedAsync(WorkflowDefinition definition, CancellationToken ct) =>
        audit.RunAsync(definition.DefinitionId, (imported, _, _) => imported ? AuditActions.DefinitionImport : null,
            () => definitions.ImportAsync(definition, ct), ct, AuditActor.System("definitions-folder"));
}

public sealed class ImportReport
{
    public List<string> Imported { get; } = [];
    public List<string> Unchanged { get; } = [];
    public List<string> Failed { get; } = [];
}
