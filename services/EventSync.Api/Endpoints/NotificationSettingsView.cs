namespace EventSync.Api.Endpoints;

/// <summary>The body of <c>GET</c> and <c>PUT /api/tenants/{tenantId}/notification-settings</c>.</summary>
public sealed record NotificationSettingsView(bool Enabled, string Frequency, IReadOnlyList<string> Recipients, string TimeZone, string Language);
