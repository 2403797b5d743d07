namespace EventSync.Core.Resync;

/// <summary>Who asked for a resync and when; <see cref="NotBefore"/> delays an automatic retry until its back-off has passed.</summary>
public sealed record ResyncRequestHeader(
    string RequestId, string TenantId, string RequestedBy, DateTimeOffset RequestedAt, ResyncKind Kind, DateTimeOffset? NotBefore = null);
