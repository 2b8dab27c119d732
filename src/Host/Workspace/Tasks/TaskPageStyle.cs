namespace Workflows.Host.Workspace.Tasks;

/// <summary>The few styles the task pages add to the frame's: lights, tabs, the action forms.</summary>
internal static class TaskPageStyle
{
    public const string Css = """
        <style>
        .tabs { display: flex; gap: 4px; border-bottom: 2px solid #1f3a5f; margin-bottom: 12px; }
        .tabs a { padding: 6px 16px; text-decoration: none; color: #1f3a5f; background: #e3e9f1; border-radius: 4px 4px 0 0; }
        .tabs a.active { background: #1f3a5f; color: #fff; }
        .light { display: inline-block; min-width: 88px; padding: 2px 8px; border-radius: 10px; color: #fff; font-size: 13px; text-align: center; }
        .light.red { background: #c62828; } .light.yellow { background: #f9a825; color: #222; } .light.green { background: #2e7d32; }
        .light.none { background: #9e9e9e; }
        .actions { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
        .actions form { background: #fff; padding: 12px 16px; border-radius: 6px; }
        textarea { font: inherit; min-width: 320px; min-height: 60px; padding: 6px 8px; border: 1px solid #bbb; border-radius: 4px; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
        .facts dt { color: #666; } .facts dd { margin: 0; }
        .required { color: #b00020; }
        </style>
        """;
}
