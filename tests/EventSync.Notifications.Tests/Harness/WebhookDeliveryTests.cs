using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Notifications;
using EventSync.Core.Webhooks;
using EventSync.Notifications.Alerts;
using EventSync.Notifications.Digests;
using EventSync.Notifications.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Harness;
using EventSync.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EventSync.Notifications.Tests.Harness;

/// <summary>
/// Webhook deliveries on the test harness, posted over real HTTP to a receiver in the test process: coalescing, bodies,
/// signature, retries, parking, permanent failures and refused destinations.
/// </summary>
public sealed class WebhookDeliveryTests : WebhookHarnessTest
{
    [Fact]
    public async Task Should_post_one_signed_delivery_listing_the_subscribed_errors_when_a_burst_of_alerts_closes_its_window()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var opened = time.GetUtcNow();
        await using var host = await StartAsync(time);
        var tenant = SyncFailures.NewTenant("webhook-burst");

        // No email settings at all: the webhook alone keeps the alerts. It wants new and reopened errors, not surfaced ones.
        await Store.ReplaceEndpointsAsync(tenant, [Endpoint(WebhookFormats.Json, [WebhookEvents.ErrorNew, WebhookEvents.ErrorReopened])], Ct);
        SyncErrorClassified[] classified =
        [
            .. Enumerable.Range(0, 3).Select(i => ClassifiedAlerts.Of(tenant, i, ErrorOccurrence.New, "property-values", SyncFailures.InvalidEmailType, opened)),
            ClassifiedAlerts.Of(tenant, 3, ErrorOccurrence.Reopened, "duplicates", SyncFailures.DuplicateRuleType, opened),
        ];
        foreach (var message in classified)
        {
            await host.ConsumedAsync<SyncErrorClassified>(await host.PublishAsync(message), $"alert {message.ErrorId} is consumed");
        }

        var surfaced = new TransientErrorSurfaced
        {
            ErrorId = "err-surfaced", TenantId = tenant, ObjectType = "contact", HubSpotId = "777", Category = "transient",
            ErrorType = SyncFailures.LockContentionType, Attempts = 10, SurfacedAt = opened,
        };
        await host.ConsumedAsync<TransientErrorSurfaced>(await host.PublishAsync(surfaced), "the surfaced error is consumed");

        time.Advance(TimeSpan.FromMinutes(5));
        await FlushDueAsync(host);
        var received = Assert.Single(await Eventually.MatchesAsync(() => Task.FromResult(Receiver.Received), r => r.Count > 0, HarnessBus.Timeout, "the delivery arrives"));

        Assert.True(received.SignedWith(Secret), "the signature verifies with the endpoint's secret");
        Assert.False(received.SignedWith("another-secret"));
        Assert.Equal(WebhookEvents.Errors, received.Header("X-EventSync-Event"));
        Assert.Equal("EventSync-Webhooks/1", received.Header("User-Agent"));
        var body = received.Json;
        Assert.Null(WebhookBodySchema.Problems(body));
        Assert.Equal(1, (int)body["version"]!);
        Assert.Equal(received.Header("X-EventSync-Delivery"), (string?)body["id"]);
        Assert.Equal(tenant, (string?)body["tenantId"]);
        var errors = body["data"]!["errors"]!.AsArray();
        Assert.Equal(["error.new", "error.new", "error.new", "error.reopened"], errors.Select(e => (string)e!["event"]!));
        Assert.Equal(4, (long)body["data"]!["total"]!);
        Assert.Equal(3, (long)body["data"]!["countsByErrorType"]![SyncFailures.InvalidEmailType]!);

        var delivered = await AttemptsAsync(tenant, (string)body["id"]!, a => a.Any(o => o.Outcome == WebhookDeliveryOutcomes.Delivered), "the delivery is recorded delivered");
        Assert.Equal(200, Assert.Single(delivered).StatusCode);
        Assert.Single(host.SentSoFar<DeliverWebhook>());
        Assert.Empty(Smtp.Messages);
        Assert.Equal(0, await FlushDueAsync(host));
    }

    [Fact]
    public async Task Should_post_one_delivery_listing_the_resolved_errors_and_email_nothing_when_syncs_resolve_them()
    {
        await using var host = await StartAsync();
        var tenant = SyncFailures.NewTenant("webhook-resolved");
        await host.Get<INotificationSettingsStore>().SaveAsync(new NotificationSettings(tenant, true, DigestFrequency.Immediate, ["ops@example.com"], "UTC", "en"), Ct);
        var subscribed = Endpoint(WebhookFormats.Json, [WebhookEvents.ErrorResolved]);
        var other = Endpoint(WebhookFormats.Slack, [WebhookEvents.ErrorNew]);
        await Store.ReplaceEndpointsAsync(tenant, [subscribed, other], Ct);
        var at = DateTimeOffset.UtcNow;

        foreach (var i in Enumerable.Range(0, 3))
        {
            await host.PublishAsync(new SyncErrorResolved
            {
                ErrorId = $"err-{i}", TenantId = tenant, ObjectType = "contact", HubSpotId = $"50{i}", Category = "property-values",
                ErrorType = SyncFailures.InvalidEmailType, ResolvedAt = at.AddSeconds(i),
            });
        }

        var received = await Eventually.MatchesAsync(
            () => Task.FromResult(Receiver.Received), r => r.Sum(d => d.Json["data"]!["errors"]!.AsArray().Count) >= 3, HarnessBus.Timeout, "the resolutions arrive");
        Assert.All(received, d => Assert.True(d.SignedWith(Secret)));
        Assert.All(received, d => Assert.Null(WebhookBodySchema.Problems(d.Json)));
        var errors = received.SelectMany(d => d.Json["data"]!["errors"]!.AsArray()).ToList();
        Assert.Equal(["err-0", "err-1", "err-2"], errors.Select(e => (string)e!["errorId"]!).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Equal(WebhookEvents.ErrorResolved, (string?)e!["event"]));
        Assert.All(host.SentSoFar<DeliverWebhook>(), d => Assert.Equal(subscribed.Id, d.EndpointId));
        Assert.Equal(0, await FlushDueAsync(host));
        Assert.Empty(Smtp.Messages);
    }

    [Fact]
    public async Task Should_post_a_resync_completion_under_one_delivery_id_when_the_same_finish_is_announced_twice()
    {
        await using var host = await StartAsync();
        var tenant = SyncFailures.NewTenant("webhook-resync");
        await Store.ReplaceEndpointsAsync(tenant, [Endpoint(WebhookFormats.Json, [WebhookEvents.ResyncCompleted])], Ct);
        var finished = new ResyncRequestFinished
        {
            TenantId = tenant, RequestId = "request-1", RequestedBy = "ops-dashboard", RequestedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
            Outcome = "completed", Records = 2, Completed = 2, Failed = 0, FinishedAt = DateTimeOffset.UtcNow,
        };

        await host.ConsumedAsync<ResyncRequestFinished>(await host.PublishAsync(finished), "the finish is consumed");
        await host.ConsumedAsync<ResyncRequestFinished>(await host.PublishAsync(finished), "the finish announced again is consumed");

        // Both finishes queue the same delivery (one id, one message id). Posted at least once, the copies carry that one id.
        var deliveryId = Assert.Single(host.SentSoFar<DeliverWebhook>().Select(d => d.DeliveryId).Distinct());
        await AttemptsAsync(tenant, deliveryId, a => a.Any(o => o.Outcome == WebhookDeliveryOutcomes.Delivered), "the delivery is recorded delivered");
        Assert.All(Receiver.Received, r => Assert.Equal(deliveryId, r.Header("X-EventSync-Delivery")));
        var body = Receiver.Received[0].Json;
        Assert.Null(WebhookBodySchema.Problems(body));
        Assert.Equal((WebhookEvents.ResyncCompleted, deliveryId), ((string?)body["event"], (string?)body["id"]));
        Assert.Equal(("request-1", "completed", 2), ((string?)body["data"]!["requestId"], (string?)body["data"]!["outcome"], (int)body["data"]!["completed"]!));
    }

    [Fact]
    public async Task Should_post_the_window_and_email_it_too_when_the_tenant_is_also_on_immediate_emails()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var opened = time.GetUtcNow();
        await using var host = await StartAsync(time);
        var tenant = SyncFailures.NewTenant("webhook-and-email");
        await host.Get<INotificationSettingsStore>().SaveAsync(new NotificationSettings(tenant, true, DigestFrequency.Immediate, ["ops@example.com"], "UTC", "en"), Ct);
        await Store.ReplaceEndpointsAsync(tenant, [Endpoint(WebhookFormats.Slack, [WebhookEvents.ErrorNew])], Ct);
        foreach (var message in Enumerable.Range(0, 2).Select(i => ClassifiedAlerts.Of(tenant, i, ErrorOccurrence.New, "property-values", SyncFailures.InvalidEmailType, opened)))
        {
            await host.ConsumedAsync<SyncErrorClassified>(await host.PublishAsync(message), $"alert {message.ErrorId} is consumed");
        }

        time.Advance(TimeSpan.FromMinutes(5));
        await FlushDueAsync(host);
        var received = Assert.Single(await Eventually.MatchesAsync(() => Task.FromResult(Receiver.Received), r => r.Count > 0, HarnessBus.Timeout, "the Slack delivery arrives"));
        await Eventually.HoldsAsync(() => Task.FromResult(Smtp.Messages.Count == 1), HarnessBus.Timeout, "the alert email arrives");

        // Slack's incoming-webhook shape: a text, and header, section (mrkdwn) and context blocks.
        var body = received.Json;
        Assert.Contains("2 new sync errors", (string?)body["text"], StringComparison.Ordinal);
        var blocks = body["blocks"]!.AsArray();
        Assert.Equal(["header", "section", "context"], blocks.Select(b => (string)b!["type"]!));
        Assert.Equal("plain_text", (string?)blocks[0]!["text"]!["type"]);
        Assert.Equal("mrkdwn", (string?)blocks[1]!["text"]!["type"]);
        var section = (string)blocks[1]!["text"]!["text"]!;
        Assert.Contains("*2* sync errors", section, StringComparison.Ordinal);
        Assert.Contains("`10000`", section, StringComparison.Ordinal);
        Assert.Contains("`10001`", section, StringComparison.Ordinal);
        Assert.Contains(received.Header("X-EventSync-Delivery")!, (string)blocks[2]!["elements"]![0]!["text"]!, StringComparison.Ordinal);
        Assert.True(received.SignedWith(Secret));
    }

    [Fact]
    public async Task Should_deliver_with_the_same_id_when_a_503_and_a_429_with_retry_after_come_first()
    {
        await using var host = await StartAsync(retryLimit: 3);
        var tenant = SyncFailures.NewTenant("webhook-retry");
        var endpoint = Endpoint(WebhookFormats.Json, [WebhookEvents.Digest]);
        await Store.ReplaceEndpointsAsync(tenant, [endpoint], Ct);
        Receiver.Script(new ScriptedAnswer(503), new ScriptedAnswer(429, RetryAfterSeconds: 1));

        var delivery = await DeliverAsync(host, tenant, endpoint);

        var attempts = await AttemptsAsync(tenant, delivery.DeliveryId, a => a.Any(o => o.Outcome == WebhookDeliveryOutcomes.Delivered), "the delivery is delivered");
        Assert.Equal(
            [(1, WebhookDeliveryOutcomes.Retrying, 503), (2, WebhookDeliveryOutcomes.Retrying, 429), (3, WebhookDeliveryOutcomes.Delivered, 200)],
            attempts.Select(a => (a.Attempt, a.Outcome, a.StatusCode ?? 0)));
        Assert.Equal(3, Receiver.Received.Count);
        Assert.All(Receiver.Received, r => Assert.Equal(delivery.DeliveryId, r.Header("X-EventSync-Delivery")));
        Assert.All(Receiver.Received, r => Assert.True(r.SignedWith(Secret)));
        Assert.Equal(Receiver.Received[0].Body, Receiver.Received[2].Body);
        Assert.True(Receiver.Received[2].ReceivedAt - Receiver.Received[1].ReceivedAt >= TimeSpan.FromSeconds(0.95), "the retry waited for Retry-After");
        Assert.Null(WebhookBodySchema.Problems(Receiver.Received[2].Json));
        Assert.Equal(WebhookEvents.Test, (string?)Receiver.Received[2].Json["event"]);
    }

    [Fact]
    public async Task Should_park_the_delivery_in_the_error_queue_when_every_attempt_fails()
    {
        await using var host = await StartAsync(retryLimit: 2);
        var tenant = SyncFailures.NewTenant("webhook-parked");
        var endpoint = Endpoint(WebhookFormats.Json, [WebhookEvents.ErrorNew]);
        await Store.ReplaceEndpointsAsync(tenant, [endpoint], Ct);
        Receiver.ThenStatus = 500;

        var delivery = await DeliverAsync(host, tenant, endpoint, expectFault: true);

        var attempts = await AttemptsAsync(tenant, delivery.DeliveryId, a => a.Count == 3, "three attempts are recorded");
        Assert.Equal([WebhookDeliveryOutcomes.Retrying, WebhookDeliveryOutcomes.Retrying, WebhookDeliveryOutcomes.Parked], attempts.Select(a => a.Outcome));
        Assert.Equal(WebhookDeliveryOutcomes.Parked, Assert.Single(await Store.GetRecentDeliveriesAsync(tenant, 10, Ct)).Outcome);
        Assert.Equal(3, Receiver.Received.Count);
        Assert.Contains("HTTP 500", attempts[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_record_failed_without_retrying_when_the_receiver_answers_404()
    {
        await using var host = await StartAsync();
        var tenant = SyncFailures.NewTenant("webhook-404");
        var endpoint = Endpoint(WebhookFormats.Json, [WebhookEvents.ErrorNew]);
        await Store.ReplaceEndpointsAsync(tenant, [endpoint], Ct);
        Receiver.ThenStatus = 404;

        var delivery = await DeliverAsync(host, tenant, endpoint);

        var attempt = Assert.Single(Store.Attempts(tenant));
        Assert.Equal((delivery.DeliveryId, 1, WebhookDeliveryOutcomes.Failed, 404), (attempt.DeliveryId, attempt.Attempt, attempt.Outcome, attempt.StatusCode ?? 0));
        Assert.Single(Receiver.Received);
    }

    [Theory]
    [InlineData("https://127.0.0.1:{0}/hooks/in", "loopback")]
    [InlineData("https://localhost:{0}/hooks/in", "loopback")]
    [InlineData("http://hooks.example.com:{0}/hooks/in", "only https")]
    public async Task Should_refuse_the_destination_when_private_addresses_are_not_allowed(string url, string reason)
    {
        await using var host = await StartAsync(allowPrivateAddresses: false);
        var tenant = SyncFailures.NewTenant("webhook-refused");
        var endpoint = Endpoint(WebhookFormats.Json, [WebhookEvents.ErrorNew], new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Receiver.Url.Port)));
        await Store.ReplaceEndpointsAsync(tenant, [endpoint], Ct);

        await DeliverAsync(host, tenant, endpoint);

        var attempt = Assert.Single(Store.Attempts(tenant));
        Assert.Equal(WebhookDeliveryOutcomes.Failed, attempt.Outcome);
        Assert.Null(attempt.StatusCode);
        Assert.Contains(reason, attempt.Detail, StringComparison.Ordinal);
        Assert.Empty(Receiver.Received);
    }

    [Fact]
    public async Task Should_retry_then_park_after_the_time_out_when_the_receiver_answers_too_late()
    {
        await using var host = await StartAsync(retryLimit: 1, timeout: "00:00:01");
        var tenant = SyncFailures.NewTenant("webhook-slow");
        var endpoint = Endpoint(WebhookFormats.Json, [WebhookEvents.ErrorNew]);
        await Store.ReplaceEndpointsAsync(tenant, [endpoint], Ct);
        Receiver.Script(new ScriptedAnswer(200, AnswerAfter: TimeSpan.FromSeconds(20)), new ScriptedAnswer(200, AnswerAfter: TimeSpan.FromSeconds(20)));
        var queue = await host.Harness.Bus.GetSendEndpoint(Consumers.DeliverWebhookConsumerDefinition.Address);
        await queue.Send(new DeliverWebhook { TenantId = tenant, EndpointId = endpoint.Id, DeliveryId = "slow-1", Event = WebhookEvents.Test, CreatedAt = DateTimeOffset.UtcNow }, Ct);

        var attempts = await Eventually.MatchesAsync(() => Task.FromResult(Store.Attempts(tenant)), a => a.Count > 1, HarnessBus.Timeout, "the attempts are recorded");
        Assert.Equal(
            [(WebhookDeliveryOutcomes.Retrying, "no answer within 1 s"), (WebhookDeliveryOutcomes.Parked, "no answer within 1 s")],
            attempts.Select(a => (a.Outcome, a.Detail)));
        Assert.Equal(2, Receiver.Received.Count);
        Assert.True(await host.Harness.Published.Any<MassTransit.Fault<DeliverWebhook>>(f => f.Context.Message.Message.DeliveryId == "slow-1", Ct), "the delivery faulted");
    }

    [Fact]
    public async Task Should_park_the_first_failure_when_no_retries_are_configured()
    {
        await using var host = await StartAsync(retryLimit: 0);
        var tenant = SyncFailures.NewTenant("webhook-no-retry");
        var endpoint = Endpoint(WebhookFormats.Json, [WebhookEvents.ErrorNew]);
        await Store.ReplaceEndpointsAsync(tenant, [endpoint], Ct);
        Receiver.ThenStatus = 503;

        var delivery = await DeliverAsync(host, tenant, endpoint, expectFault: true);

        var attempt = Assert.Single(await AttemptsAsync(tenant, delivery.DeliveryId, a => a.Count > 0, "the attempt is recorded"));
        Assert.Equal((1, WebhookDeliveryOutcomes.Parked, 503), (attempt.Attempt, attempt.Outcome, attempt.StatusCode ?? 0));
        Assert.Single(Receiver.Received);
    }

    [Fact]
    public async Task Should_post_once_when_a_delivered_delivery_is_sent_again()
    {
        await using var host = await StartAsync();
        var tenant = SyncFailures.NewTenant("webhook-again");
        var endpoint = Endpoint(WebhookFormats.Json, [WebhookEvents.ErrorNew]);
        await Store.ReplaceEndpointsAsync(tenant, [endpoint], Ct);

        var first = await DeliverAsync(host, tenant, endpoint);
        await DeliverAsync(host, tenant, endpoint, deliveryId: first.DeliveryId);

        Assert.Single(Receiver.Received);
        Assert.Equal(WebhookDeliveryOutcomes.Delivered, Assert.Single(Store.Attempts(tenant)).Outcome);
    }

    [Fact]
    public async Task Should_drop_an_errors_delivery_when_the_endpoint_is_disabled_or_unsubscribed_by_then()
    {
        await using var host = await StartAsync();
        var tenant = SyncFailures.NewTenant("webhook-unsubscribed");
        var disabled = Endpoint(WebhookFormats.Json, [WebhookEvents.ErrorNew]) with { Id = "ep-disabled", Enabled = false };
        var digestOnly = Endpoint(WebhookFormats.Json, [WebhookEvents.Digest]) with { Id = "ep-digest-only" };
        await Store.ReplaceEndpointsAsync(tenant, [disabled, digestOnly], Ct);

        await DeliverAsync(host, tenant, disabled, WebhookEvents.Errors);
        await DeliverAsync(host, tenant, digestOnly, WebhookEvents.Errors);
        await DeliverAsync(host, tenant, digestOnly, WebhookEvents.ResyncCompleted);

        Assert.Empty(Store.Attempts(tenant));
        Assert.Empty(Receiver.Received);
    }

    [Fact]
    public async Task Should_drop_the_delivery_when_the_endpoint_is_gone()
    {
        await using var host = await StartAsync();
        var tenant = SyncFailures.NewTenant("webhook-gone");
        var endpoint = Endpoint(WebhookFormats.Json, [WebhookEvents.ErrorNew]);

        await DeliverAsync(host, tenant, endpoint, WebhookEvents.Errors);

        Assert.Empty(Store.Attempts(tenant));
        Assert.Empty(Receiver.Received);
    }

    [Fact]
    public async Task Should_retry_then_park_when_nothing_listens_at_the_address()
    {
        await using var host = await StartAsync(retryLimit: 1);
        var tenant = SyncFailures.NewTenant("webhook-closed-port");
        var endpoint = Endpoint(WebhookFormats.Json, [WebhookEvents.ErrorNew], new Uri($"http://127.0.0.1:{FreePorts.Next()}/hooks/in"));
        await Store.ReplaceEndpointsAsync(tenant, [endpoint], Ct);

        var delivery = await DeliverAsync(host, tenant, endpoint, expectFault: true);

        var attempts = await AttemptsAsync(tenant, delivery.DeliveryId, a => a.Count == 2, "two attempts are recorded");
        Assert.Equal([WebhookDeliveryOutcomes.Retrying, WebhookDeliveryOutcomes.Parked], attempts.Select(a => a.Outcome));
        Assert.All(attempts, a => Assert.StartsWith("connection failed", a.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_post_the_digest_summary_when_a_tenant_without_recipients_has_a_digest_webhook()
    {
        // 08:00:30 in Warsaw on 27 November 2026: the daily period 26 Nov 08:00 .. 27 Nov 08:00.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 7, 0, 30, TimeSpan.Zero));
        var periodStart = new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);
        await using var host = await StartAsync(time);
        await NotificationWorld.StartupRunsFinishedAsync(host.Services);
        var tenant = SyncFailures.NewTenant("webhook-digest");
        var at = periodStart.AddHours(5);
        await ErrorSeeds.SeedAsync(
            host.Get<ISyncErrorStore>(),
            [SyncFailures.ToSalesforce(tenant, "501", SyncFailures.InvalidEmail, occurredAt: at), SyncFailures.ToSalesforce(tenant, "502", SyncFailures.DuplicateRule, occurredAt: at)],
            at);
        await host.Get<INotificationSettingsStore>().SaveAsync(new NotificationSettings(tenant, true, DigestFrequency.Daily, [], "Europe/Warsaw", "en"), Ct);
        await Store.ReplaceEndpointsAsync(tenant, [Endpoint(WebhookFormats.Json, [WebhookEvents.Digest])], Ct);

        var due = Assert.Single(await PublishDueAsync(host), c => c.TenantId == tenant);
        Assert.Equal(periodStart, due.PeriodStart);
        var received = Assert.Single(await Eventually.MatchesAsync(() => Task.FromResult(Receiver.Received), r => r.Count > 0, HarnessBus.Timeout, "the digest delivery arrives"));

        var body = received.Json;
        Assert.Null(WebhookBodySchema.Problems(body));
        Assert.Equal(WebhookEvents.Digest, (string?)body["event"]);
        Assert.Equal("daily", (string?)body["data"]!["frequency"]);
        Assert.Equal(2, (long)body["data"]!["currentErrors"]!);
        Assert.Equal(2, body["data"]!["topCards"]!.AsArray().Count);
        Assert.True(received.SignedWith(Secret));
        Assert.Empty(Smtp.Messages);
        var claim = await Eventually.MatchesAsync(
            () => host.Get<IDigestClaimStore>().GetDigestClaimAsync(tenant, DigestFrequency.Daily, periodStart, Ct), c => c?.SentAt is not null, HarnessBus.Timeout, "the digest is marked sent");
        Assert.False(claim!.Skipped);
    }

    private static async Task<IReadOnlyList<SendErrorDigest>> PublishDueAsync(HarnessHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DueDigestPublisher>().PublishDueAsync(Ct);
    }

    private static async Task<int> FlushDueAsync(HarnessHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertWindowFlusher>().FlushDueAsync(Ct);
    }
}
