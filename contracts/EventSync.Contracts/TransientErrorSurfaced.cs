namespace EventSync.Contracts;

/// <summary>
/// Published by the resync worker when a transient error kept failing through all its automatic resyncs: from now on
/// it is an open error people have to look at.
/// </summary>
public sealed record TransientErrorSurfaced
{
    public required string ErrorId { get; init; }

    public required string TenantId { get; init; }

    public string? EngineId { get; init; }

    public string? ObjectType { get; init; }

    public string? HubSpotId { get; init; }

    public string? SalesforceId { get; init; }

    public required string Category { get; init; }

    public required string ErrorType { get; init; }

    /// <summary>How many automatic resyncs were tried.</summary>
    public int Attempts { get; init; }

    public required DateTimeOffset SurfacedAt { get; init; }
}
