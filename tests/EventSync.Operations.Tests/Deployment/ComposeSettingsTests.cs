using System.Text.RegularExpressions;
using EventSync.Api.Security;
using EventSync.Classifier;
using EventSync.ServiceDefaults.Messaging;
using EventSync.Storage.MongoDb;
using Microsoft.Extensions.Configuration;

namespace EventSync.Operations.Tests.Deployment;

/// <summary>
/// The environment docker-compose.yml gives each service, with every variable at its default, read the way the services
/// read it (environment-variable configuration, then the options classes): every setting lands on a real option.
/// </summary>
public sealed partial class ComposeSettingsTests
{
    private readonly ComposeFile _compose = ComposeFile.Load();

    public static TheoryData<string> Services => ComposeFileTests.EventSyncServiceNames;

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_bind_every_messaging_and_storage_setting_to_an_option_when_the_service_starts(string service)
    {
        var configuration = ConfigurationOf(service);

        var messaging = configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>(o => o.ErrorOnUnknownConfiguration = true)!;
        var mongo = configuration.GetSection(MongoStoreOptions.SectionName).Get<MongoStoreOptions>(o => o.ErrorOnUnknownConfiguration = true)!;

        Assert.Equal(MessagingOptions.ClassicQueueType, messaging.QueueType);
        Assert.False(messaging.UsesQuorumQueues());
        Assert.Equal(200, messaging.PrefetchCount);
        Assert.Equal("eventsync", mongo.DatabaseName);
        Assert.Equal("json", configuration["EventSync:Logging:Format"]);
        Assert.Equal("http://+:8080", configuration["Urls"]);
        Assert.Equal(new[] { "Logging", "Messaging", "MongoDb" }.Concat(ServiceSections(service)).Order(StringComparer.Ordinal), configuration.GetSection("EventSync").GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["Format"], configuration.GetSection("EventSync:Logging").GetChildren().Select(c => c.Key));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_reach_the_broker_the_database_and_the_mail_catcher_by_their_service_names_when_composed(string service)
    {
        var configuration = ConfigurationOf(service);

        Assert.Equal(new Uri("amqp://eventsync:eventsync@rabbitmq:5672/"), new Uri(configuration.GetConnectionString("rabbitmq")!));
        Assert.Equal("mongodb://eventsync:eventsync@mongodb:27017/?authSource=admin&replicaSet=rs0", configuration.GetConnectionString("mongodb"));
        Assert.Equal(new Uri("smtp://mailpit:1025"), new Uri(configuration.GetConnectionString("smtp")!));
    }

    [Fact]
    public void Should_bind_the_classifier_batch_settings_to_its_options_when_the_classifier_starts()
    {
        var classifier = ConfigurationOf("classifier").GetSection(ClassifierOptions.Section).Get<ClassifierOptions>(o => o.ErrorOnUnknownConfiguration = true)!;

        Assert.Equal(100, classifier.BatchSize);
        Assert.Equal(2, classifier.BatchConcurrency);
    }

    [Fact]
    public void Should_give_the_api_its_admin_key_from_the_environment_when_the_api_starts()
    {
        var keys = ConfigurationOf("api", adminKey: "the-admin-key").GetSection(ApiKeyOptions.Section).Get<ApiKeyOptions>(o => o.ErrorOnUnknownConfiguration = true)!;

        Assert.Equal("the-admin-key", keys.AdminKey);
    }

    private static string[] ServiceSections(string service) =>
        service switch
        {
            "classifier" => ["Classifier"],
            "api" => ["Api"],
            _ => [],
        };

    /// <summary>The service's environment with each <c>${VAR:-default}</c> at its default, as configuration reads it.</summary>
    private IConfiguration ConfigurationOf(string service, string adminKey = "local")
    {
        var environment = ComposeFile.Map(_compose.Service(service), "environment")
            .ToDictionary(
                setting => ((string)setting.Key).Replace("__", ":", StringComparison.Ordinal),
                setting => (string?)Interpolation().Replace((string)setting.Value!, m => m.Groups["default"].Success ? m.Groups["default"].Value : adminKey));
        return new ConfigurationBuilder().AddInMemoryCollection(environment).Build();
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Z0-9_]+)(?::-(?<default>[^}]*)|:\?[^}]*)?\}")]
    private static partial Regex Interpolation();
}
