namespace EventSync.Api.Endpoints;

/// <summary>
/// One endpoint of <c>PUT /api/tenants/{tenantId}/webhooks</c> (read by hand so that each problem names the field): a null
/// or empty <see cref="Secret"/> keeps the one stored under <see cref="Id"/>; <see cref="Enabled"/> defaults to true.
/// </summary>
public sealed record WebhookEndpointRequest(string Id, string Url, string? Secret, string Format, IReadOnlyList<string> Events, bool? Enabled);
