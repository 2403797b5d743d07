namespace EventSync.Testing.Tools;

/// <summary>Files of the repository the tests run from (found by walking up to <c>EventSync.sln</c>), for tools that run in place.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EventSync.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No EventSync.sln above {AppContext.BaseDirectory}.");
    });

    public static string PathOf(string relative) => Path.Combine(RootPath.Value, relative.Replace('/', Path.DirectorySeparatorChar));
}
