namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>One answer of <see cref="WebhookReceiver"/>: a status, and for a 429 the <c>Retry-After</c> seconds.</summary>
public sealed record ScriptedAnswer(int Status, int? RetryAfterSeconds = null);
