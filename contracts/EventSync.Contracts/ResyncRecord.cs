namespace EventSync.Contracts;

/// <summary>Command to a sync engine: sync this record again. Sent as plain JSON to engines without MassTransit.</summary>
public sealed record ResyncRecord
{
    public required string RequestId { get; init; }

    public required string TenantId { get; init; }

    public string? EngineId { get; init; }

    public required string ObjectType { get; init; }

    public string? HubSpotId { get; init; }

    public string? SalesforceId { get; init; }

    public string? Direction { get; init; }

    public required IReadOnlyList<string> ErrorIds { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
}
