namespace EventSync.Core.Webhooks;

/// <summary>
/// What an endpoint can subscribe to. The error events arrive coalesced in <see cref="Errors"/> deliveries: new, reopened
/// and surfaced errors one delivery per alert window, resolved errors one per batch of resolutions; <see cref="Test"/> is
/// sent only on request and cannot be subscribed to.
/// </summary>
public static class WebhookEvents
{
    public const string ErrorNew = "error.new";

    public const string ErrorReopened = "error.reopened";

    public const string ErrorSurfaced = "error.surfaced";

    public const string ErrorResolved = "error.resolved";

    public const string Digest = "digest";

    public const string ResyncCompleted = "resync.completed";

    public const string Test = "webhook.test";

    /// <summary>The event of a delivery that lists the errors of one alert window (each error with its own error event).</summary>
    public const string Errors = "errors";

    public static IReadOnlyList<string> Subscribable { get; } = [ErrorNew, ErrorReopened, ErrorSurfaced, ErrorResolved, Digest, ResyncCompleted];

    /// <summary>The error event an alert of this reason (<c>new</c>, <c>reopened</c>, <c>surfaced</c>) is.</summary>
    public static string OfAlertReason(string reason) => $"error.{reason}";
}
