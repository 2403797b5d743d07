using System.Xml.Linq;
using EventSync.Operations.Tests.Infrastructure;

namespace EventSync.Operations.Tests.Deployment;

/// <summary>The images' Dockerfiles read as text (no Docker engine to build them here).</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string, string> Images => ComposeFileTests.EventSyncServices;

    [Theory]
    [MemberData(nameof(Images))]
    public void Should_build_with_the_sdk_and_run_on_the_small_runtime_as_a_non_root_user_when_built(string service, string project)
    {
        var lines = DockerfileLines(service);
        var from = lines.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(["FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", "FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine AS runtime"], from);
        Assert.Contains("COPY --from=build /app .", lines);
        Assert.Contains("USER $APP_UID", lines);
        Assert.True(lines.IndexOf("USER $APP_UID") > lines.IndexOf(from[1]), "USER must apply to the runtime stage");
        Assert.Contains(lines, line => line.StartsWith($"RUN dotnet publish services/{project}/{project}.csproj -c Release", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Should_restore_from_every_project_file_the_service_needs_before_copying_the_sources_when_built(string service, string project)
    {
        var lines = DockerfileLines(service);
        var restore = lines.FindIndex(line => line == $"RUN dotnet restore services/{project}/{project}.csproj");
        var sources = lines.IndexOf("COPY services/ services/");
        var copiedProjects = lines.Take(restore)
            .Where(line => line.StartsWith("COPY ", StringComparison.Ordinal))
            .Select(line => line.Split(' ')[1])
            .Where(source => source.EndsWith(".csproj", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(restore > 0 && sources > restore, "restore must come before the sources are copied");
        Assert.Equal(ProjectClosure($"services/{project}/{project}.csproj").Order(StringComparer.Ordinal), copiedProjects.Order(StringComparer.Ordinal));
        Assert.Contains("COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./", lines);
    }

    [Fact]
    public void Should_leave_build_output_data_and_secrets_out_of_the_build_context_when_built()
    {
        var ignored = Repository.Read(".dockerignore").Split('\n').Select(line => line.Trim()).ToList();

        Assert.Superset(new HashSet<string>(["**/bin/", "**/obj/", "**/data/", "**/TestResults/", ".env", ".git/"]), ignored.ToHashSet());
    }

    private static List<string> DockerfileLines(string service) =>
        [.. Repository.Read($"infra/docker/{service}.Dockerfile").Split('\n').Select(line => line.TrimEnd())];

    /// <summary>The project and every project it references, directly or not, as repository paths.</summary>
    private static HashSet<string> ProjectClosure(string project)
    {
        var closure = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var path))
        {
            if (!closure.Add(path))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(Repository.PathOf(path))!;
            foreach (var reference in XDocument.Load(Repository.PathOf(path)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(directory, reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar)));
                pending.Push(Path.GetRelativePath(Repository.Root, full).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }

        return closure;
    }
}
