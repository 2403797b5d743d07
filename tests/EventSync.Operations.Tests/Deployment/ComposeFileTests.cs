using EventSync.Operations.Tests.Infrastructure;

namespace EventSync.Operations.Tests.Deployment;

/// <summary>docker-compose.yml checked for what <c>docker compose up</c> needs, without a Docker engine.</summary>
public sealed class ComposeFileTests
{
    public static TheoryData<string, string> EventSyncServices => new()
    {
        { "classifier", "EventSync.Classifier" },
        { "api", "EventSync.Api" },
        { "resync", "EventSync.Resync" },
        { "notifications", "EventSync.Notifications" },
    };

    public static TheoryData<string> EventSyncServiceNames => [.. EventSyncServices.Select(row => row.Data.Item1)];

    private static readonly string[] InfrastructureServices = ["rabbitmq", "mongodb", "mailpit"];

    private readonly ComposeFile _compose = ComposeFile.Load();

    [Fact]
    public void Should_run_every_service_and_its_infrastructure_when_composed()
    {
        var expected = InfrastructureServices.Concat(EventSyncServices.Select(row => row.Data.Item1)).Order(StringComparer.Ordinal);

        Assert.Equal(expected, _compose.Services.Keys.Cast<string>().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EventSyncServices))]
    public void Should_build_the_service_from_its_project_when_composed(string service, string project)
    {
        var build = ComposeFile.Map(_compose.Service(service), "build");
        var dockerfile = ComposeFile.Scalar(build, "dockerfile");

        Assert.Equal(".", ComposeFile.Scalar(build, "context"));
        Assert.Equal($"infra/docker/{service}.Dockerfile", dockerfile);
        Assert.True(File.Exists(Repository.PathOf(dockerfile)), $"{dockerfile} is missing");
        Assert.True(File.Exists(Repository.PathOf($"services/{project}/{project}.csproj")), $"{project} has no project");
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{project}.dll\"]", Repository.Read(dockerfile), StringComparison.Ordinal);
        Assert.EndsWith($"/{service}:${{EVENTSYNC_VERSION:-local}}", ComposeFile.Scalar(_compose.Service(service), "image"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rabbitmq", "rabbitmq:3.13-management")]
    [InlineData("mongodb", "mongo:7")]
    [InlineData("mailpit", "axllent/mailpit:v1.21")]
    public void Should_pin_the_image_of_the_infrastructure_when_composed(string service, string image) =>
        Assert.Equal(image, ComposeFile.Scalar(_compose.Service(service), "image"));

    [Fact]
    public void Should_publish_ports_on_the_loopback_only_when_composed()
    {
        var ports = _compose.Services.Values.Cast<Dictionary<object, object?>>()
            .SelectMany(service => ComposeFile.List(service, "ports").Cast<string>())
            .ToList();

        Assert.NotEmpty(ports);
        Assert.All(ports, port => Assert.StartsWith("127.0.0.1:", port, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("api", "EVENTSYNC_API_PORT:-5080")]
    [InlineData("rabbitmq", "RABBITMQ_MANAGEMENT_PORT:-15672")]
    [InlineData("mailpit", "MAILPIT_UI_PORT:-8025")]
    public void Should_offer_the_web_interfaces_on_their_usual_ports_when_composed(string service, string hostPort) =>
        Assert.Contains(ComposeFile.List(_compose.Service(service), "ports").Cast<string>(), port => port.Contains(hostPort, StringComparison.Ordinal));

    [Fact]
    public void Should_check_the_health_of_every_service_when_composed()
    {
        foreach (var (name, service) in _compose.Services)
        {
            var test = ComposeFile.List(ComposeFile.Map((Dictionary<object, object?>)service!, "healthcheck"), "test").Cast<string>().ToList();
            Assert.True(test.Count > 1 && test[0] == "CMD", $"{name}: health check must be an exec-form command");
        }
    }

    [Theory]
    [MemberData(nameof(EventSyncServiceNames))]
    public void Should_probe_readiness_on_the_port_the_service_listens_on_when_composed(string service)
    {
        var definition = _compose.Service(service);
        var environment = ComposeFile.Map(definition, "environment");
        var test = ComposeFile.List(ComposeFile.Map(definition, "healthcheck"), "test").Cast<string>();

        Assert.Equal("http://+:8080", environment["Urls"]);
        Assert.Contains("http://127.0.0.1:8080/health/ready", test);
        Assert.Contains(ComposeFile.List(definition, "ports").Cast<string>(), port => port.EndsWith(":8080", StringComparison.Ordinal));
        Assert.Contains("/health/ready", Repository.Read($"infra/docker/{service}.Dockerfile"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EventSyncServiceNames))]
    public void Should_start_the_service_once_the_broker_and_the_database_are_healthy_when_composed(string service)
    {
        var dependsOn = ComposeFile.Map(_compose.Service(service), "depends_on");

        foreach (var dependency in new[] { "rabbitmq", "mongodb" })
        {
            Assert.Equal("service_healthy", ComposeFile.Scalar(ComposeFile.Map(dependsOn, dependency), "condition"));
        }
    }

    [Fact]
    public void Should_send_mail_to_the_catcher_once_it_is_healthy_when_composed()
    {
        var notifications = _compose.Service("notifications");

        Assert.Equal("service_healthy", ComposeFile.Scalar(ComposeFile.Map(ComposeFile.Map(notifications, "depends_on"), "mailpit"), "condition"));
        Assert.Equal("${EVENTSYNC_SMTP:-smtp://mailpit:1025}", ComposeFile.Map(notifications, "environment")["ConnectionStrings__smtp"]);
    }

    [Fact]
    public void Should_keep_the_data_of_the_broker_database_and_mail_in_declared_volumes_when_composed()
    {
        var declared = ComposeFile.Map(_compose.Root, "volumes").Keys.Cast<string>().ToHashSet(StringComparer.Ordinal);
        var used = _compose.Services.Values.Cast<Dictionary<object, object?>>()
            .Where(service => service.ContainsKey("volumes"))
            .SelectMany(service => ComposeFile.List(service, "volumes").Cast<string>())
            .Select(volume => volume.Split(':')[0])
            .ToList();

        Assert.Equal(["mailpit-data", "mongodb-data", "rabbitmq-data"], used.Order(StringComparer.Ordinal));
        Assert.Equal(declared, used.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_take_every_connection_string_and_credential_from_the_environment_when_composed()
    {
        var settings = _compose.Services.Values.Cast<Dictionary<object, object?>>()
            .Select(service => ComposeFile.Map(service, "environment"))
            .SelectMany(environment => environment)
            .Where(setting => IsSecret((string)setting.Key))
            .ToList();

        Assert.NotEmpty(settings);
        Assert.All(settings, setting => Assert.Matches(@"\$\{[A-Z_]+", (string)setting.Value!));
        Assert.Equal(
            "${EVENTSYNC_ADMIN_KEY:?set EVENTSYNC_ADMIN_KEY in .env (for example openssl rand -hex 32), see .env.example}",
            ComposeFile.Map(_compose.Service("api"), "environment")["EventSync__Api__AdminKey"]);
    }

    [Fact]
    public void Should_list_every_variable_with_the_compose_default_in_the_env_example_when_composed()
    {
        var example = EnvExample.Load();
        var variables = _compose.Variables();

        Assert.Equal(variables.Keys.Append("COMPOSE_PROJECT_NAME").Order(StringComparer.Ordinal), example.Keys.Order(StringComparer.Ordinal));
        Assert.All(variables, variable => Assert.Equal(variable.Value ?? "", example[variable.Key]));
    }

    private static bool IsSecret(string name) =>
        name.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
        || new[] { "PASS", "KEY", "SECRET", "TOKEN" }.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));
}
