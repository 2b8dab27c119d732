namespace Workflows.Host.Tests.Procedures;

/// <summary>Folders of the repository the tests read (the shipped definitions).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Definitions => Path.Combine(Root, "definitions");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workflows.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Repository root (Workflows.sln) not found above " + AppContext.BaseDirectory);
    }
}
