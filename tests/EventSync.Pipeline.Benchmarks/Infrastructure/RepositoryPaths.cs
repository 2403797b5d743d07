namespace EventSync.Pipeline.Benchmarks.Infrastructure;

/// <summary>Where things are, found from this program's output folder (<c>tests/X/bin/{configuration}/{tfm}</c>).</summary>
internal static class RepositoryPaths
{
    private static readonly DirectoryInfo OutputFolder = new(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));

    /// <summary>This project's folder: results are written beside it.</summary>
    public static string Project => OutputFolder.Parent!.Parent!.Parent!.FullName;

    public static string Corpus => Path.Combine(OutputFolder.FullName, "Corpus");
}
