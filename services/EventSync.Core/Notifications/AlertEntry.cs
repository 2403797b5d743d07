namespace EventSync.Core.Notifications;

/// <summary>One error an immediate alert tells about: <see cref="Reason"/> is <c>new</c>, <c>reopened</c> or <c>surfaced</c>.</summary>
public sealed record AlertEntry(
    string ErrorId,
    string Category,
    string ErrorType,
    string? ObjectType,
    string? HubSpotId,
    string? SalesforceId,
    string Reason,
    DateTimeOffset At);
