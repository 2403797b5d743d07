namespace EventSync.Notifications.Webhooks;

/// <summary>A delivery's destination is not allowed (<see cref="Core.Webhooks.WebhookAddressRules"/>): never retried.</summary>
internal sealed class WebhookAddressRefusedException(string reason) : Exception(reason);
