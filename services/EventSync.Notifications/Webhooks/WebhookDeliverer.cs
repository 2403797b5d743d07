using EventSync.Contracts;
using EventSync.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Webhooks;

/// <summary>
/// One attempt of a <see cref="DeliverWebhook"/>: reads the endpoint as it is now (gone, disabled or no longer subscribed:
/// dropped), renders the body, posts it and records the outcome. An attempt that may pass later throws
/// <see cref="WebhookAttemptFailedException"/> (after waiting out a 429's <c>Retry-After</c>, up to
/// <see cref="WebhookOptions.MaxRetryAfter"/>), recorded <c>retrying</c>, or <c>parked</c> when it was the last.
/// </summary>
internal sealed class WebhookDeliverer(
    IWebhookStore store,
    WebhookBodyRenderer renderer,
    WebhookPoster poster,
    TimeProvider time,
    IOptions<WebhookOptions> options,
    ILogger<WebhookDeliverer> logger)
{
    /// <param name="delivery">The command.</param>
    /// <param name="attempt">1 for the first attempt.</param>
    /// <param name="cancellationToken">The consumer's token.</param>
    public async Task DeliverAsync(DeliverWebhook delivery, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var endpoint = (await store.GetEndpointsAsync(delivery.TenantId, cancellationToken)).FirstOrDefault(e => e.Id == delivery.EndpointId);
        if (WhyNotWanted(delivery, endpoint) is { } reason)
        {
            logger.WebhookDropped(delivery.DeliveryId, delivery.Event, delivery.TenantId, delivery.EndpointId, reason);
            return;
        }

        if (attempt == 1 && await WasDeliveredAsync(delivery, cancellationToken))
        {
            logger.WebhookDropped(delivery.DeliveryId, delivery.Event, delivery.TenantId, delivery.EndpointId, "delivered already");
            return;
        }

        var result = await poster.PostAsync(endpoint!, delivery, renderer.Render(delivery, endpoint!), cancellationToken);
        var last = attempt > options.Value.RetryLimit;
        var outcome = result switch
        {
            { Delivered: true } => WebhookDeliveryOutcomes.Delivered,
            { MayPass: false } => WebhookDeliveryOutcomes.Failed,
            _ when last => WebhookDeliveryOutcomes.Parked,
            _ => WebhookDeliveryOutcomes.Retrying,
        };
        await store.RecordDeliveryAsync(
            delivery.TenantId,
            new WebhookDeliveryOutcome(delivery.DeliveryId, delivery.EndpointId, delivery.Event, attempt, outcome, result.StatusCode, result.Detail, time.GetUtcNow()),
            cancellationToken);
        if (result.Delivered)
        {
            logger.WebhookDelivered(delivery.DeliveryId, delivery.Event, delivery.TenantId, delivery.EndpointId, attempt, result.StatusCode);
            return;
        }

        logger.WebhookNotDelivered(delivery.DeliveryId, delivery.Event, delivery.TenantId, delivery.EndpointId, attempt, outcome, result.Detail);
        if (!result.MayPass)
        {
            return;
        }

        if (!last && result.RetryAfter is { } wait && wait > TimeSpan.Zero)
        {
            // The receiver's clock, not the worker's: a real wait, so the next attempt comes no sooner than it asked.
            logger.WebhookRetryAfter(delivery.DeliveryId, delivery.Event, delivery.TenantId, wait);
            await Task.Delay(wait, cancellationToken);
        }

        throw new WebhookAttemptFailedException($"{outcome}: {result.Detail}");
    }

    private static string? WhyNotWanted(DeliverWebhook delivery, WebhookEndpoint? endpoint) => (delivery.Event, endpoint) switch
    {
        (_, null) => "the endpoint no longer exists",
        (WebhookEvents.Test, _) => null,
        (WebhookEvents.Errors, { Enabled: true } e) when e.Events.Any(IsErrorEvent) => null,
        (WebhookEvents.Digest, { } e) when e.Wants(WebhookEvents.Digest) => null,
        (WebhookEvents.ResyncCompleted, { } e) when e.Wants(WebhookEvents.ResyncCompleted) => null,
        (WebhookEvents.Errors or WebhookEvents.Digest or WebhookEvents.ResyncCompleted, _) => "the endpoint is disabled or no longer subscribed",
        _ => $"{delivery.Event} is not delivered by this version",
    };

    private static bool IsErrorEvent(string e) => e is WebhookEvents.ErrorNew or WebhookEvents.ErrorReopened or WebhookEvents.ErrorSurfaced or WebhookEvents.ErrorResolved;

    private async Task<bool> WasDeliveredAsync(DeliverWebhook delivery, CancellationToken cancellationToken) =>
        (await store.GetDeliveryAsync(delivery.TenantId, delivery.DeliveryId, cancellationToken))?.Outcome == WebhookDeliveryOutcomes.Delivered;
}
