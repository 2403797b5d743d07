namespace EventSync.Core.Webhooks;

/// <summary>
/// The latest attempt of one delivery as the store keeps it: <see cref="Outcome"/> is <c>delivered</c>, <c>retrying</c>
/// (a failed attempt that will be tried again), <c>failed</c> (refused for good: a 4xx, a forbidden address) or <c>parked</c>
/// (every attempt failed; the message is in the error queue). <see cref="Detail"/> never holds the secret or the body.
/// </summary>
public sealed record WebhookDeliveryOutcome(
    string DeliveryId,
    string EndpointId,
    string Event,
    int Attempt,
    string Outcome,
    int? StatusCode,
    string? Detail,
    DateTimeOffset At);
