namespace EventSync.Notifications.Webhooks;

/// <summary>The <c>data</c> of a <c>webhook.test</c> delivery, built when it is sent.</summary>
internal sealed record WebhookTestData(string Message, string EndpointId);
