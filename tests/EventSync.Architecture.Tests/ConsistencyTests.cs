using System.Text.RegularExpressions;
using EventSync.Core.Classification;
using NetArchTest.Rules;

namespace EventSync.Architecture.Tests;

/// <summary>One way for each thing the services all do: where the domain model lives, how a service counts.</summary>
public sealed partial class ConsistencyTests
{
    // What every store shares; an aggregate's model and store interfaces live in the aggregate's own namespace.
    private static readonly string[] SharedStorageTypes = ["IStoreLifecycle", "IOutboxStore", "OutboxMessage", "OutboxSignal", "KeysetPage"];

    [Fact]
    public void Should_keep_only_what_every_store_shares_in_the_storage_namespace()
    {
        var names = Types.InAssembly(typeof(SyncFailureClassifier).Assembly)
            .That().ResideInNamespace("EventSync.Core.Storage")
            .GetTypes()
            .Where(t => t.IsPublic)
            .Select(t => t.Name)
            .ToList();

        Assert.All(names, name => Assert.True(
            SharedStorageTypes.Contains(name, StringComparer.Ordinal),
            $"{name} is in EventSync.Core.Storage; an aggregate's model and its store interfaces belong in the aggregate's namespace (Errors, Notifications, Views, Usage, Resync, ...)."));
    }

    [Fact]
    public void Should_count_through_an_injected_metrics_class_in_every_service()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryLayout.Root, "services"), "*Metrics.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(4, files.Count);
        Assert.All(files, file => Assert.False(
            StaticClass().IsMatch(File.ReadAllText(file)),
            $"{Path.GetFileName(file)} is a static class; a service's metrics are a class registered by its AddXxx and injected."));
    }

    [GeneratedRegex(@"\bstatic\s+(partial\s+)?class\s+\w*Metrics\b")]
    private static partial Regex StaticClass();
}
