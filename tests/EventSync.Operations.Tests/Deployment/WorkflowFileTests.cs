using EventSync.Operations.Tests.Infrastructure;
using YamlDotNet.Serialization;

namespace EventSync.Operations.Tests.Deployment;

/// <summary>
/// <c>.github/workflows/tests.yml</c> runs the same test command as <c>.ci/run</c>, with a RabbitMQ broker and a MongoDB
/// server given to it, so that the MongoDB contract suite, which skips here, runs against a real server there.
/// </summary>
public sealed class WorkflowFileTests
{
    private const string FileName = ".github/workflows/tests.yml";

    [Fact]
    public void Should_run_the_test_command_with_a_broker_and_a_mongodb_replica_set_when_the_workflow_runs()
    {
        var job = Job();
        var env = Map(job, "env");
        var steps = ((List<object>)job["steps"]!).Cast<Dictionary<object, object?>>().ToList();
        var runs = steps.Select(s => s.GetValueOrDefault("run") as string ?? "").ToList();

        Assert.Contains(runs, r => r.Trim() == "bash .ci/run");
        Assert.StartsWith("amqp://", (string)env["EVENTSYNC_TEST_RABBITMQ"]!, StringComparison.Ordinal);
        Assert.Contains("replicaSet=", (string)env["EVENTSYNC_TEST_MONGODB"]!, StringComparison.Ordinal);
        Assert.Contains(runs, r => r.Contains("--replSet", StringComparison.Ordinal) && r.Contains("rs.initiate", StringComparison.Ordinal));
        // The fault-point tests of the MongoDB store need the server's test commands (configureFailPoint).
        Assert.Contains(runs, r => r.Contains("--setParameter enableTestCommands=1", StringComparison.Ordinal));
        Assert.StartsWith("rabbitmq:", (string)Map(Map(job, "services"), "rabbitmq")["image"]!, StringComparison.Ordinal);
        Assert.True(runs.FindIndex(r => r.Contains("rs.initiate", StringComparison.Ordinal)) < runs.FindIndex(r => r.Trim() == "bash .ci/run"), "The replica set must be up before the tests run.");
    }

    [Fact]
    public void Should_give_the_whole_run_no_more_time_than_a_ci_run_may_take_when_the_workflow_runs() =>
        Assert.InRange(Convert.ToInt32(Job()["timeout-minutes"], System.Globalization.CultureInfo.InvariantCulture), 1, 90);

    private static Dictionary<object, object?> Job()
    {
        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object?>>(Repository.Read(FileName));
        return Map(Map(root, "jobs"), "tests");
    }

    private static Dictionary<object, object?> Map(Dictionary<object, object?> parent, string key) =>
        parent.TryGetValue(key, out var value) && value is Dictionary<object, object?> map
            ? map
            : throw new Xunit.Sdk.XunitException($"{FileName}: '{key}' is missing or not a mapping.");
}
