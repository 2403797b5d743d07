using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EventSync.Contracts;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Hosts;
using EventSync.Testing.Standalone;
using EventSync.Testing.Tools;
using RabbitMQ.Client;

namespace EventSync.Standalone.Tests;

/// <summary>
/// The example clients of <c>contracts/examples</c>, each in its own language, against the standalone host: the engines
/// over RabbitMQ report a failure, receive the operator's resync on their own queue and report the record synced; the
/// HTTP client reports over the API as its OpenAPI document describes it.
/// </summary>
public sealed class EngineExamplesTests
{
    private const string Python = "/usr/bin/python3";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_resync_the_record_and_resolve_the_error_when_the_python_engine_talks_to_the_host_over_rabbitmq()
    {
        if (await PythonMissingAsync("pika", "python3-pika") is { } missing)
        {
            Assert.Skip(missing);
        }

        await RunEngineScenarioAsync("python", Python, "engine.py");
    }

    [Fact]
    public async Task Should_resync_the_record_and_resolve_the_error_when_the_node_engine_talks_to_the_host_over_rabbitmq()
    {
        var folder = RepositoryFiles.PathOf("contracts/examples/node");
        if (await NodeTool.EnsurePackageAsync(folder, "amqplib", TestContext.Current.CancellationToken) is { } missing)
        {
            Assert.Skip(missing);
        }

        await RunEngineScenarioAsync("node", NodeTool.Node!, "engine.mjs");
    }

    [Fact]
    public async Task Should_show_the_reported_failure_on_sync_health_when_the_http_client_follows_the_openapi_document()
    {
        if (await PythonMissingAsync("urllib.request", "python3") is { } missing)
        {
            Assert.Skip(missing);
        }

        await using var standalone = await RunningStandalone.StartAsync();
        var tenant = SyncFailures.NewTenant("http-example");
        var folder = RepositoryFiles.PathOf("contracts/examples/http");
        string[] client = ["client.py", standalone.Address.ToString(), standalone.AdminKey];

        var (reported, reportOutput) = await NodeTool.RunAsync(Python, folder, [.. client, "report-failure", tenant, "4711"], TestContext.Current.CancellationToken);
        Assert.True(reported == 0, reportOutput);
        Assert.Equal(1, JsonDocument.Parse(reportOutput).RootElement.GetProperty("accepted").GetInt32());

        var health = await Eventually.MatchesAsync(
            async () => JsonSerializer.Deserialize<SyncHealth>(
                (await NodeTool.RunAsync(Python, folder, [.. client, "sync-health", tenant], TestContext.Current.CancellationToken)).Output,
                JsonSerializerOptions.Web)!,
            h => h.ErrorCards is { } cards && cards.Sum(c => c.CurrentErrors) == 1,
            Deadline,
            "the client reads its failure on the tenant's sync health");
        Assert.Equal(("property-values", SyncFailures.InvalidEmailType), (health.ErrorCards[0].Category, health.ErrorCards[0].ErrorType));
    }

    /// <summary>
    /// The engine reports a failure and its API usage; an operator asks for a resync through the API; the engine receives
    /// the <see cref="ResyncRecord"/> on its queue and reports the record synced; the error resolves.
    /// </summary>
    private static async Task RunEngineScenarioAsync(string language, string program, string script)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await TestBroker.StartAsync(cancellationToken);
        Assert.SkipWhen(broker.Uri is null, TestBroker.SkipReason);
        await using var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, cancellationToken);
        await using var standalone = await RunningStandalone.StartAsync(rabbitMq: broker.Uri);
        var tenant = SyncFailures.NewTenant($"{language}-engine");
        var engineId = $"example-{language}-{Guid.NewGuid():N}"[..24];
        var hubSpotId = Random.Shared.NextInt64(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var engine = ChildService.StartProgram(
            program, RepositoryFiles.PathOf($"contracts/examples/{language}"), [script, broker.Uri.ToString(), engineId, tenant, hubSpotId, "1", "120"]);
        try
        {
            var health = await Eventually.MatchesAsync(
                () => standalone.SyncHealthAsync(tenant),
                h => (h.ErrorCards.Sum(c => c.CurrentErrors) == 1 && h.ApiUsage is not null) || engine.HasExited,
                Deadline,
                "the engine's failure and API usage are on the tenant's sync health");
            Assert.False(engine.HasExited, engine.Output);
            Assert.Equal(SyncFailures.InvalidEmailType, health.ErrorCards.Single().ErrorType);
            Assert.Equal(1200, health.ApiUsage!.UsedLast24h);

            var error = (await standalone.GetJsonAsync($"/api/tenants/{tenant}/errors")).GetProperty("items").EnumerateArray().Single();
            Assert.Equal(hubSpotId, error.GetProperty("hubSpotId").GetString());
            var errorId = error.GetProperty("id").GetString()!;
            await ResyncAsync(standalone, tenant, errorId);

            var line = await Eventually.MatchesAsync(
                () => Task.FromResult(engine.Lines is [var first, ..] ? first : null),
                l => l is not null || engine.HasExited,
                Deadline,
                "the engine prints the ResyncRecord it received");
            Assert.True(line is not null, engine.Output);
            var resync = JsonSerializer.Deserialize<ResyncRecord>(line, ContractJson.Options)!;
            Assert.Equal((tenant, engineId, "contact", hubSpotId), (resync.TenantId, resync.EngineId, resync.ObjectType, resync.HubSpotId));
            Assert.Equal([errorId], resync.ErrorIds);

            await Eventually.MatchesAsync(
                async () => (await standalone.GetJsonAsync($"/api/tenants/{tenant}/errors/{errorId}")).GetProperty("state").GetString(),
                state => state == "resolved",
                Deadline,
                "the RecordSynced the engine published after the resync resolves the error");
            Assert.True(await engine.WaitForExitAsync(Deadline) == 0, engine.Output);
        }
        finally
        {
            await DeleteQueueAsync(broker.Uri, $"{engineId}.resync-requests");
        }
    }

    private static async Task ResyncAsync(RunningStandalone standalone, string tenant, string errorId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{tenant}/resync") { Content = JsonContent.Create(new { errorIds = new[] { errorId } }) };
        request.Headers.Add(RunningStandalone.ApiKeyHeader, standalone.AdminKey);
        using var response = await standalone.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<string?> PythonMissingAsync(string module, string debianPackage)
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is not installed (Debian: python3 and {debianPackage}).";
        }

        var (exitCode, output) = await NodeTool.RunAsync(Python, Path.GetTempPath(), ["-c", $"import {module}"], TestContext.Current.CancellationToken);
        return exitCode == 0 ? null : $"{Python} cannot import {module} (Debian: apt-get install {debianPackage}): {output.Trim()}";
    }

    private static async Task DeleteQueueAsync(Uri broker, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync(CancellationToken.None);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: CancellationToken.None);
        await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false, cancellationToken: CancellationToken.None);
    }
}
