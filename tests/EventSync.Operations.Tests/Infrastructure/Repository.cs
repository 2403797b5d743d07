namespace EventSync.Operations.Tests.Infrastructure;

/// <summary>Files of the repository the tests run from (found by walking up to <c>EventSync.sln</c>).</summary>
public static class Repository
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

    public static string Root => RootPath.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));
}
