namespace EventSync.Notifications.Webhooks;

/// <summary>
/// What one attempt came to: <see cref="Delivered"/> (2xx), <see cref="MayPass"/> (5xx, 408, 429, a time-out or no
/// connection: tried again) or neither (refused for good). <see cref="RetryAfter"/> is a 429's <c>Retry-After</c>.
/// </summary>
internal sealed record WebhookPostResult(bool Delivered, bool MayPass, int? StatusCode, string Detail, TimeSpan? RetryAfter = null)
{
    public static WebhookPostResult Refused(string detail) => new(false, false, null, detail);
}
