using EventSync.Operations.Tests.Infrastructure;

namespace EventSync.Operations.Tests.Deployment;

/// <summary>docker-compose.yml validated by a real compose implementation (<c>config</c> needs no Docker engine).</summary>
public sealed class ComposeConfigTests : IDisposable
{
    private readonly string _emptyEnvFile = Path.GetTempFileName();

    public void Dispose() => File.Delete(_emptyEnvFile);

    [Fact]
    public void Should_be_valid_with_every_default_when_only_the_admin_key_is_set()
    {
        var compose = ComposeTool.Find() ?? SkipWithoutCompose();

        var (exitCode, output, errors) = compose.Config(
            Repository.PathOf(ComposeFile.FileName), _emptyEnvFile, new Dictionary<string, string> { ["EVENTSYNC_ADMIN_KEY"] = "local-admin-key" });

        Assert.True(exitCode == 0, errors);
        Assert.Contains("EventSync__Api__AdminKey: local-admin-key", output, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__rabbitmq: amqp://eventsync:eventsync@rabbitmq:5672/", output, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:5080:8080", PublishedPorts(output, "api"));
        Assert.DoesNotContain("${", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_take_the_settings_from_the_env_file_when_one_is_given()
    {
        var compose = ComposeTool.Find() ?? SkipWithoutCompose();
        File.WriteAllLines(_emptyEnvFile, ["EVENTSYNC_ADMIN_KEY=from-env-file", "EVENTSYNC_API_PORT=6080", "RABBITMQ_PASSWORD=s3cret", "EVENTSYNC_QUEUE_TYPE=quorum"]);

        var (exitCode, output, errors) = compose.Config(Repository.PathOf(ComposeFile.FileName), _emptyEnvFile, new Dictionary<string, string>());

        Assert.True(exitCode == 0, errors);
        Assert.Contains("EventSync__Api__AdminKey: from-env-file", output, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:6080:8080", PublishedPorts(output, "api"));
        Assert.Contains("amqp://eventsync:s3cret@rabbitmq:5672/", output, StringComparison.Ordinal);
        Assert.Contains("EventSync__Messaging__QueueType: quorum", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_run_three_clustered_nodes_and_give_every_service_each_node_and_quorum_queues_when_the_cluster_file_is_laid_over()
    {
        var compose = ComposeTool.Find() ?? SkipWithoutCompose();
        string[] files = [Repository.PathOf(ComposeFile.FileName), Repository.PathOf("infra/rabbitmq/cluster.compose.yml")];
        var environment = new Dictionary<string, string> { ["EVENTSYNC_ADMIN_KEY"] = "local-admin-key", ["RABBITMQ_ERLANG_COOKIE"] = "cluster-cookie" };

        var (exitCode, output, errors) = compose.Config(files, _emptyEnvFile, environment);
        var (_, services, _) = compose.Config(files, _emptyEnvFile, environment, "--services");

        Assert.True(exitCode == 0, errors);
        Assert.Superset(new HashSet<string> { "rabbitmq", "rabbitmq-2", "rabbitmq-3", "api", "classifier", "resync", "notifications" }, services.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet());
        Assert.Equal(4, CountOf(output, "EventSync__Messaging__ClusterNodes__2: rabbitmq-3:5672"));
        Assert.Equal(4, CountOf(output, "EventSync__Messaging__QueueType: quorum"));
        Assert.Equal(3, CountOf(output, "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: -setcookie cluster-cookie"));
        Assert.Equal(3, CountOf(output, "/etc/rabbitmq/conf.d/20-cluster.conf"));
    }

    [Fact]
    public void Should_refuse_the_cluster_and_name_the_variable_when_no_erlang_cookie_is_set()
    {
        var compose = ComposeTool.Find() ?? SkipWithoutCompose();
        string[] files = [Repository.PathOf(ComposeFile.FileName), Repository.PathOf("infra/rabbitmq/cluster.compose.yml")];

        var (exitCode, output, errors) = compose.Config(files, _emptyEnvFile, new Dictionary<string, string> { ["EVENTSYNC_ADMIN_KEY"] = "local-admin-key" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("set RABBITMQ_ERLANG_COOKIE in .env", output + errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_to_start_and_name_the_variable_when_the_admin_key_is_not_set()
    {
        var compose = ComposeTool.Find() ?? SkipWithoutCompose();

        var (exitCode, _, errors) = compose.Config(Repository.PathOf(ComposeFile.FileName), _emptyEnvFile, new Dictionary<string, string>(), "-q");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("set EVENTSYNC_ADMIN_KEY in .env", errors, StringComparison.Ordinal);
    }

    /// <summary>
    /// A service's ports as <c>host_ip:published:target</c>, from compose's resolved file: docker-compose v1 writes them in
    /// the short syntax (<c>127.0.0.1:5080:8080/tcp</c>), the compose plugin in the long one (a map per port).
    /// </summary>
    private static List<string> PublishedPorts(string resolvedCompose, string service)
    {
        using var reader = new StringReader(resolvedCompose);
        var root = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<Dictionary<object, object?>>(reader);
        return [.. ComposeFile.List(ComposeFile.Map(ComposeFile.Map(root, "services"), service), "ports").Select(port => port switch
        {
            string shortSyntax => shortSyntax.Split('/')[0],
            Dictionary<object, object?> longSyntax => $"{longSyntax["host_ip"]}:{longSyntax["published"]}:{longSyntax["target"]}",
            _ => throw new InvalidOperationException($"Unexpected port entry {port}"),
        })];
    }

    private static ComposeTool SkipWithoutCompose()
    {
        Assert.Skip(ComposeTool.SkipReason);
        return null!;
    }

    private static int CountOf(string text, string part) =>
        text.Split('\n').Count(line => line.Contains(part, StringComparison.Ordinal));
}
