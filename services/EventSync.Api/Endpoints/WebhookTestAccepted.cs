namespace EventSync.Api.Endpoints;

/// <summary>A test delivery on its way (confirmed by the broker): its id, as the deliveries list and the receiver's <c>X-EventSync-Delivery</c> show it.</summary>
public sealed record WebhookTestAccepted(string DeliveryId);
