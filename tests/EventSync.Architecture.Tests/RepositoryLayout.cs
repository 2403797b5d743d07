using System.Xml.Linq;

namespace EventSync.Architecture.Tests;

/// <summary>The projects of the repository as their project files declare them.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<string> ProjectFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    public static IReadOnlyList<string> ProjectReferences(string projectFile) =>
        XDocument.Load(projectFile).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar)))
            .ToList();

    public static IReadOnlyList<string> PackageReferences(string projectFile) =>
        XDocument.Load(projectFile).Descendants("PackageReference")
            .Select(r => r.Attribute("Include")!.Value)
            .ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EventSync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EventSync.sln not found above the test's folder.");
    }
}
