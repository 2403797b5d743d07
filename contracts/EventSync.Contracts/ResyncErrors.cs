namespace EventSync.Contracts;

/// <summary>Command: resync the records behind these errors (at most 100 error ids).</summary>
public sealed record ResyncErrors
{
    public const int MaxErrorIds = 100;

    public required string RequestId { get; init; }

    public required string TenantId { get; init; }

    public required IReadOnlyList<string> ErrorIds { get; init; }

    /// <summary>Who asked for it (an operator or <c>automatic</c> for transient retries).</summary>
    public string? RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
}
