namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>
/// One answer of <see cref="WebhookReceiver"/>: a status, for a 429 the <c>Retry-After</c> seconds, and how long the
/// receiver keeps the sender waiting before it answers (a slow receiver).
/// </summary>
public sealed record ScriptedAnswer(int Status, int? RetryAfterSeconds = null, TimeSpan AnswerAfter = default);
