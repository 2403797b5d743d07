using System.Text.Json.Nodes;
using EventSync.Core.Errors;
using EventSync.Testing;
using EventSync.Testing.Broker;

namespace EventSync.Classifier.Tests;

/// <summary>
/// Messages that can never be processed: each goes to <c>sync-failure-reported_error</c> unretried, with the reason in
/// its fault headers, and the consumer goes on with the next message.
/// </summary>
public sealed class PoisonMessageTests(ClassifierOnRabbitMq classifier)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static TheoryData<string, string, string> PoisonMessages => new()
    {
        { "invalid JSON", "JsonReaderException", "at the end of the JSON payload" },
        { "no eventId", "JsonException", "eventId: is required" },
        { "an empty error list", "JsonException", "errors: must hold at least one error" },
        { "more than 256 KiB", "SerializationException", "bytes; at most 262144 are accepted" },
    };

    [Theory]
    [MemberData(nameof(PoisonMessages))]
    public async Task Should_park_the_message_in_the_error_queue_with_the_reason_and_keep_consuming_when_a_message_is_poison(string poison, string exceptionType, string reason)
    {
        classifier.SkipUnlessBrokerAvailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var tenant = SyncFailures.NewTenant("poison");
        var valid = SyncFailures.ToHubSpot(tenant, "0035g00000XyZabAAF", SyncFailures.HubSpotContactExists);

        var body = PoisonBody(poison, tenant);

        await classifier.Engine.PublishRawAsync(EnginePublisher.SyncFailures, body, EnginePublisher.JsonContentType, cancellationToken);
        await classifier.Engine.PublishAsync(EnginePublisher.SyncFailures, valid, cancellationToken);

        var parked = await ErrorQueueMessage.TakeAsync(classifier.Broker, ClassifierQueues.SyncFailureReportedError, tenant, Deadline, cancellationToken);
        Assert.Contains(reason, parked.FaultMessage ?? "", StringComparison.Ordinal);
        Assert.EndsWith(exceptionType, parked.FaultExceptionType ?? "", StringComparison.Ordinal);
        Assert.Equal(body, parked.Body);

        var errorId = SyncErrorKeys.ErrorId(tenant, "contact", "sf:0035g00000XyZabAAF", SyncFailures.HubSpotContactExistsType);
        var stored = await Eventually.MatchesAsync(
            () => classifier.Store.GetAsync(tenant, errorId, cancellationToken),
            error => error is not null,
            Deadline,
            "the valid failure published after the poison one is stored");
        Assert.Equal(valid.EventId, stored!.LastEventId);
        Assert.Equal(new ErrorCard("duplicates", SyncFailures.HubSpotContactExistsType, 1, 1), Assert.Single(await classifier.Store.GetErrorCardsAsync(tenant, cancellationToken)));
    }

    [Theory]
    [InlineData("null", "null")]
    [InlineData(" [ {\"eventId\": \"e-1\"} ] ", "an array")]
    [InlineData("\"failure\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("", "nothing (the body is empty)")]
    public async Task Should_park_the_message_saying_it_is_no_JSON_object_when_the_body_is_JSON_of_another_kind(string body, string kind)
    {
        classifier.SkipUnlessBrokerAvailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var messageId = Guid.NewGuid();

        await classifier.Engine.PublishRawAsync(EnginePublisher.SyncFailures, body, EnginePublisher.JsonContentType, messageId, cancellationToken);

        var parked = await ErrorQueueMessage.TakeAsync(classifier.Broker, ClassifierQueues.SyncFailureReportedError, messageId.ToString(), Deadline, cancellationToken);
        Assert.Equal($"The message body must be a JSON object; it starts with {kind}.", parked.FaultMessage);
        Assert.EndsWith("SerializationException", parked.FaultExceptionType ?? "", StringComparison.Ordinal);
        Assert.Equal(body, parked.Body);
    }

    /// <summary>The poison body names the tenant, so that the test finds its own message in the shared error queue.</summary>
    private static string PoisonBody(string poison, string tenant)
    {
        var failure = JsonNode.Parse(EnginePublisher.Json(SyncFailures.ToSalesforce(tenant, "36909", SyncFailures.DuplicateRule)))!.AsObject();
        switch (poison)
        {
            case "invalid JSON":
                return failure.ToJsonString()[..^1];
            case "no eventId":
                failure.Remove("eventId");
                break;
            case "an empty error list":
                failure["errors"] = new JsonArray();
                break;
            case "more than 256 KiB":
                failure["errors"] = JsonNode.Parse(EnginePublisher.Json(new[]
                {
                    SyncFailures.ValidationRule with { Message = string.Concat(Enumerable.Repeat("Phone number must be in the format (999) 999-9999. ", 6000)) },
                }));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(poison), poison, null);
        }

        return failure.ToJsonString();
    }
}
