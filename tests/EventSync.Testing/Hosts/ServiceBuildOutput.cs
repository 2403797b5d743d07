namespace EventSync.Testing.Hosts;

/// <summary>
/// Where a service's own build output is (beside its own appsettings.json), for the configuration and target framework
/// of the running test or tool, found from its bin folder (<c>tests/X/bin/{configuration}/{tfm}</c>).
/// </summary>
public static class ServiceBuildOutput
{
    private static readonly DirectoryInfo RunningFrom = new(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));

    public static string Configuration => RunningFrom.Parent!.Name;

    public static string Repository => RunningFrom.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;

    /// <summary>
    /// The service's assembly in its own output, e.g. <c>EventSync.Classifier</c>; else, when that is not built, the copy a
    /// project reference put beside the running assembly, if there is one.
    /// </summary>
    public static string AssemblyOf(string project)
    {
        var own = Path.Combine(Repository, "services", project, "bin", Configuration, RunningFrom.Name, project + ".dll");
        var copy = Path.Combine(RunningFrom.FullName, project + ".dll");
        return File.Exists(own) || !File.Exists(copy) ? own : copy;
    }
}
