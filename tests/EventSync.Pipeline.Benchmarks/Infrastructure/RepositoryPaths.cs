namespace EventSync.Pipeline.Benchmarks.Infrastructure;

/// <summary>Where things are, found from this program's output folder (<c>tests/X/bin/{configuration}/{tfm}</c>).</summary>
internal static class RepositoryPaths
{
    private static readonly DirectoryInfo OutputFolder = new(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));

    public static string Configuration => OutputFolder.Parent!.Name;

    public static string Repository => OutputFolder.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;

    /// <summary>This project's folder: results are written beside it.</summary>
    public static string Project => OutputFolder.Parent!.Parent!.Parent!.FullName;

    public static string Corpus => Path.Combine(OutputFolder.FullName, "Corpus");

    /// <summary>A service's own build output (beside its own appsettings.json), built with this project.</summary>
    public static string ServiceAssembly(string project) =>
        Path.Combine(Repository, "services", project, "bin", Configuration, OutputFolder.Name, project + ".dll");
}
