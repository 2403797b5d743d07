using EventSync.Contracts;
using EventSync.Core.Classification;
using NetArchTest.Rules;

namespace EventSync.Architecture.Tests;

/// <summary>Core and Contracts stay free of transport, storage and web frameworks; services never reference each other.</summary>
public sealed class LayeringTests
{
    private static readonly string[] InfrastructureNamespaces =
    [
        "MassTransit", "RabbitMQ", "MongoDB", "Microsoft.Data.Sqlite", "Microsoft.AspNetCore", "Microsoft.Extensions.Hosting",
        "Quartz", "Serilog", "MailKit", "MimeKit", "CsvHelper", "System.CommandLine", "Spectre",
    ];

    [Fact]
    public void Should_keep_core_free_of_transport_storage_and_web_frameworks()
    {
        var result = Types.InAssembly(typeof(SyncFailureClassifier).Assembly)
            .ShouldNot().HaveDependencyOnAny(InfrastructureNamespaces)
            .GetResult();

        Assert.True(result.IsSuccessful, $"Core types with forbidden dependencies: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Should_keep_contracts_free_of_everything_but_the_base_library()
    {
        var result = Types.InAssembly(typeof(SyncFailureReported).Assembly)
            .ShouldNot().HaveDependencyOnAny([.. InfrastructureNamespaces, "EventSync.Core"])
            .GetResult();

        Assert.True(result.IsSuccessful, $"Contract types with forbidden dependencies: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Should_keep_every_contract_a_record_in_the_contracts_namespace()
    {
        var messages = Types.InAssembly(typeof(SyncFailureReported).Assembly)
            .That().AreClasses().And().ArePublic().And().AreNotAbstract().And().DoNotInherit(typeof(System.Text.Json.Serialization.JsonConverter))
            .GetTypes()
            .Where(t => !t.IsEnum)
            .ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, t => Assert.Equal("EventSync.Contracts", t.Namespace));
        Assert.All(messages.Where(t => t.Name != nameof(ContractJson)), t => Assert.NotNull(t.GetMethod("<Clone>$")));
    }

    [Fact]
    public void Should_reference_no_other_service_from_a_service()
    {
        var shared = new HashSet<string>(StringComparer.Ordinal) { "EventSync.Core", "EventSync.Contracts" };
        foreach (var project in RepositoryLayout.ProjectFiles("services"))
        {
            var name = Path.GetFileNameWithoutExtension(project);
            var references = RepositoryLayout.ProjectReferences(project)
                .Where(r => !shared.Contains(r) && !r.StartsWith("EventSync.Storage.", StringComparison.Ordinal) && !r.StartsWith("EventSync.ServiceDefaults", StringComparison.Ordinal));
            if (name == "EventSync.Standalone")
            {
                continue; // the standalone host composes every service by design
            }

            Assert.True(!references.Any(), $"{name} references {string.Join(", ", references)}");
        }
    }

    [Fact]
    public void Should_keep_core_and_contracts_projects_free_of_infrastructure_packages()
    {
        foreach (var project in RepositoryLayout.ProjectFiles("contracts").Concat(RepositoryLayout.ProjectFiles(Path.Combine("services", "EventSync.Core"))))
        {
            var packages = RepositoryLayout.PackageReferences(project);

            Assert.DoesNotContain(packages, p => InfrastructureNamespaces.Any(ns => p.StartsWith(ns, StringComparison.OrdinalIgnoreCase)));
        }
    }
}
