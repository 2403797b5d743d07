namespace EventSync.Api.Endpoints;

/// <summary>The latest attempt of one delivery: <see cref="Outcome"/> is delivered, retrying, failed or parked.</summary>
public sealed record WebhookDeliveryView(
    string DeliveryId, string EndpointId, string Event, int Attempt, string Outcome, int? StatusCode, string? Detail, DateTimeOffset At);
