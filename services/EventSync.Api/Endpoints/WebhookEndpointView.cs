namespace EventSync.Api.Endpoints;

/// <summary>One webhook endpoint as the API shows it: never its secret, only that it has one.</summary>
public sealed record WebhookEndpointView(string Id, string Url, string Format, IReadOnlyList<string> Events, bool Enabled, bool HasSecret);
