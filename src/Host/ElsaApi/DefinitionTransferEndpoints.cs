using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Audit;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Execution;

namespace Workflows.Host.ElsaApi;

/// <summary>Export (one JSON file, or a zip of several) and import (one model, or uploaded JSON/zip files).</summary>
internal static class DefinitionTransferEndpoints
{
    /// <summary>An uploaded zip entry larger than this is refused rather than read into memory. 10 MB.</summary>
    public const long MaxImportEntryBytes = 10 * 1024 * 1024;

    private static readonly string[] ExportVerbs = ["GET", "POST"];
    private static readonly string[] ImportVerbs = ["POST", "PUT"];

    public static RouteGroupBuilder MapDefinitionTransferEndpoints(this RouteGroupBuilder elsa)
    {
        elsa.MapMethods("/workflow-definitions/{definitionId}/export", ExportVerbs, ExportAsync);
        elsa.MapMethods("/bulk-actions/export/workflow-definitions", ExportVerbs, BulkExportAsync);
        elsa.MapMethods("/workflow-definitions/import", ImportVerbs, ImportAsync);
        elsa.MapMethods("/workflow-definitions/{definitionId}/import", ImportVerbs, ImportAsync);
        elsa.MapPost("/workflow-definitions/import-files", ImportFilesAsync).DisableAntiforgery();
        return elsa;
    }

    public sealed record ExportRequest(string? VersionOptions, bool? IncludeConsumingWorkflows, List<string>? Ids);

    private static async Task<IResult> ExportAsync(string definitionId, HttpRequest request, WorkflowsDbContext db,
        DefinitionPresenter presenter, CancellationToken ct)
    {
        var (options, error) = await ReadExportRequestAsync(request, ct);
        if (error is not null) return error;
        if (!VersionFilter.TryParse(options.VersionOptions, VersionFilter.Latest, out var versions, out var versionError))
            return ElsaErrors.BadRequest("versionOptions", versionError!);
        var row = await versions.Apply(db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId))
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        if (row is null)
            return ElsaErrors.NotFound("definitionId", $"Workflow definition '{definitionId}' has no version matching '{versions}'.");
        var definition = EfDefinitionStore.ToModel(row);
        // Elsa packs a definition and its consumers into a zip; nothing consumes a definition here, so the zip holds one file.
        return options.IncludeConsumingWorkflows == true
            ? Zip([definition], presenter)
            : Results.File(Encoding.UTF8.GetBytes(presenter.Export(definition).ToJsonString(ElsaShapes.Json)), "application/json", FileName(definition));
    }

    /// <summary>Version ids to a zip; none found answers 204 as Elsa does.</summary>
    private static async Task<IResult> BulkExportAsync(HttpRequest request, WorkflowsDbContext db, DefinitionPresenter presenter, CancellationToken ct)
    {
        var (options, error) = await ReadExportRequestAsync(request, ct);
        if (error is not null) return error;
        if (options.Ids is not { Count: > 0 } ids) return Results.NoContent();
        var rows = await db.Definitions.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        return rows.Count == 0 ? Results.NoContent() : Zip(rows.Select(EfDefinitionStore.ToModel).ToList(), presenter);
    }

    /// <summary>Query (GET) and body (POST) both count; the body wins where both give a value.</summary>
    private static async Task<(ExportRequest Options, IResult? Error)> ReadExportRequestAsync(HttpRequest request, CancellationToken ct)
    {
        var reader = new ElsaRequest(request);
        var fromQuery = new ExportRequest(reader.Text("versionOptions"), reader.Bool("includeConsumingWorkflows"), reader.List("ids"));
        var body = HttpMethods.IsPost(request.Method) ? await reader.BodyAsync<ExportRequest>(ct) : null;
        if (!reader.IsValid) return (fromQuery, reader.Invalid());
        return (new ExportRequest(body?.VersionOptions ?? fromQuery.VersionOptions,
            body?.IncludeConsumingWorkflows ?? fromQuery.IncludeConsumingWorkflows, body?.Ids ?? fromQuery.Ids), null);
    }

    private static IResult Zip(IReadOnlyList<WorkflowDefinition> definitions, DefinitionPresenter presenter)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            // A fixed entry time keeps identical exports byte-identical (the zip format starts in 1980).
            var epoch = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
            foreach (var definition in definitions.OrderBy(d => d.DefinitionId, StringComparer.Ordinal).ThenBy(d => d.Version))
            {
                var entry = zip.CreateEntry(FileName(definition), CompressionLevel.Optimal);
                entry.LastWriteTime = epoch;
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(presenter.Export(definition).ToJsonString(ElsaShapes.Json)));
            }
        }
        return Results.File(buffer.ToArray(), "application/zip", "workflow-definitions.zip");
    }

    /// <summary>Elsa's name: <c>workflow-definition-{name}-{definitionId}-{versionId}.json</c>, safe for any file system.</summary>
    internal static string FileName(WorkflowDefinition definition)
    {
        var name = string.IsNullOrWhiteSpace(definition.Name) ? definition.DefinitionId : definition.Name.Trim();
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var slug = new string($"{name}-{definition.DefinitionId}-{definition.Id}".ToLowerInvariant()
            .Select(c => char.IsWhiteSpace(c) || c == '_' ? '-' : c).Where(c => !invalid.Contains(c)).ToArray());
        return $"workflow-definition-{slug}.json";
    }

    /// <summary>One definition model; saved as a draft (Elsa's import never publishes). New: 201, else 200.</summary>
    private static async Task<IResult> ImportAsync(HttpRequest request, DefinitionService definitions, DefinitionPresenter presenter,
        DefinitionLocks locks, WorkflowsDbContext db, DefinitionAudit audit, CancellationToken ct)
    {
        var reader = new ElsaRequest(request);
        var json = await reader.BodyAsync<JsonObject>(ct);
        if (!reader.IsValid) return reader.Invalid();
        if (json is null) return ElsaErrors.BadRequest("body", "Send the workflow definition as JSON.");
        if (request.RouteValues["definitionId"] is string routeId && json["definitionId"] is null)
            json["definitionId"] = routeId;
        if (!DefinitionModel.TryRead(json, out var model, out var problem)) return problem;
        var isNew = string.IsNullOrWhiteSpace(model.DefinitionId)
                    || !await db.Definitions.AnyAsync(d => d.DefinitionId == model.DefinitionId, ct);
        if (string.IsNullOrWhiteSpace(model.DefinitionId)) model.DefinitionId = Ids.New();
        using var _ = await locks.AcquireAsync(model.DefinitionId, ct);
        return await DefinitionCommandEndpoints.GuardAsync(async () =>
        {
            var saved = await audit.RunAsync(model.DefinitionId, (_, _, _) => AuditActions.DefinitionImport,
                () => definitions.SaveAsync(model, publish: false, ct), ct);
            return Results.Json(presenter.Present(saved.Definition), ElsaShapes.Json, statusCode: isNew ? 201 : 200);
        });
    }

    /// <summary>Multipart field <c>files</c>: JSON files or zips of them, each saved as a draft. Answers <c>{count}</c>.</summary>
    private static async Task<IResult> ImportFilesAsync(HttpRequest request, DefinitionService definitions, DefinitionLocks locks,
        DefinitionAudit audit, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return ElsaErrors.BadRequest("files", "Upload the definition files as multipart/form-data in the field 'files'.");
        var form = await request.ReadFormAsync(ct);
        var errors = new Dictionary<string, List<string>>();
        var count = 0;
        foreach (var file in form.Files)
        {
            foreach (var (name, text) in await ReadFileAsync(file, errors, ct))
            {
                var problem = await ImportOneAsync(text, definitions, locks, audit, ct);
                if (problem is null) count++;
                else errors[name] = [problem];
            }
        }
        return errors.Count == 0 ? ElsaShapes.Ok(new { count }) : ElsaErrors.BadRequest(errors);
    }

    private static async Task<List<(string Name, string Text)>> ReadFileAsync(IFormFile file, Dictionary<string, List<string>> errors, CancellationToken ct)
    {
        var result = new List<(string, string)>();
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        // A zip starts with "PK"; Elsa goes by the content type, which browsers do not always set.
        if (bytes.Length < 2 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K')
        {
            result.Add((file.FileName, Encoding.UTF8.GetString(bytes)));
            return result;
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
            {
                var name = $"{file.FileName}/{entry.FullName}";
                if (entry.Length > MaxImportEntryBytes)
                {
                    errors[name] = [$"The file is larger than {MaxImportEntryBytes / (1024 * 1024)} MB."];
                    continue;
                }
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                result.Add((name, await reader.ReadToEndAsync(ct)));
            }
        }
        catch (InvalidDataException ex)
        {
            errors[file.FileName] = [$"The file is neither JSON nor a readable zip: {ex.Message}"];
        }
        return result;
    }

    /// <summary>Returns the problem, or null when the definition was saved.</summary>
    private static async Task<string?> ImportOneAsync(string text, DefinitionService definitions, DefinitionLocks locks,
        DefinitionAudit audit, CancellationToken ct)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException ex)
        {
            return $"Not valid JSON: {ex.Message}";
        }
        if (json is null) return "The file holds no JSON object.";
        if (!DefinitionModel.TryRead(json, out var model, out var field, out var message))
            return $"{field}: {message}";
        if (string.IsNullOrWhiteSpace(model.DefinitionId)) model.DefinitionId = Ids.New();
        using var _ = await locks.AcquireAsync(model.DefinitionId, ct);
        try
        {
            await audit.RunAsync(model.DefinitionId, (_, _, _) => AuditActions.DefinitionImport,
                () => definitions.SaveAsync(model, publish: false, ct), ct);
            return null;
        }
        catch (Workflows.Runtime.DefinitionValidationException ex)
        {
            return string.Join("; ", ex.Errors);
        }
    }
}
