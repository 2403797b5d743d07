using EventSync.Testing.Hosts;

namespace EventSync.Standalone.Tests.Infrastructure;

/// <summary>The built <c>EventSync.Standalone.dll</c> as a child process (<see cref="ChildService"/>), as a newcomer runs it.</summary>
public static class StandaloneProcess
{
    public static ChildService Start(string workingDirectory, params string[] arguments) =>
        ChildService.Start("EventSync.Standalone", workingDirectory, arguments);
}
