namespace EventSync.Core.Webhooks;

/// <summary>
/// One place a tenant's notifications are posted to: <see cref="Url"/>, the <see cref="Secret"/> deliveries are signed with,
/// the body <see cref="Format"/> (<see cref="WebhookFormats"/>) and the <see cref="Events"/> (<see cref="WebhookEvents"/>) it wants.
/// </summary>
public sealed record WebhookEndpoint(
    string Id,
    string Url,
    string Secret,
    string Format,
    IReadOnlyList<string> Events,
    bool Enabled)
{
    /// <summary>Whether this endpoint wants <paramref name="webhookEvent"/> now (a test delivery goes to a disabled endpoint too).</summary>
    public bool Wants(string webhookEvent) =>
        webhookEvent == WebhookEvents.Test || (Enabled && Events.Contains(webhookEvent, StringComparer.Ordinal));
}
