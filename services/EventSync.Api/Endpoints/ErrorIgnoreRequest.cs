namespace EventSync.Api.Endpoints;

/// <summary>
/// The body of <c>POST /api/tenants/{tenantId}/errors/ignore</c>: the errors (<see cref="ErrorIds"/> or <see cref="Filter"/>),
/// and when they come back: at <see cref="Until"/>, after <see cref="UntilOccurrences"/> more failures, or with neither when restored.
/// </summary>
public sealed record ErrorIgnoreRequest(IReadOnlyList<string>? ErrorIds, ViewFilter? Filter, DateTimeOffset? Until, long? UntilOccurrences, string? Reason);
