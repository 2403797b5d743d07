using EventSync.Core.Resync;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>A <see cref="ResyncPart"/> inside its request document; the state as its wire name.</summary>
internal sealed class ResyncPartDocument
{
    public int Index { get; set; }

    public string? EngineId { get; set; }

    public string ObjectType { get; set; } = "";

    public string RecordKey { get; set; } = "";

    public string? HubSpotId { get; set; }

    public string? SalesforceId { get; set; }

    public string? Direction { get; set; }

    public string[] ErrorIds { get; set; } = [];

    public string State { get; set; } = "";

    public DateTimeOffset? ExpectedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public bool Unconfirmed { get; set; }

    public string? Reason { get; set; }

    public static ResyncPartDocument From(ResyncPart part) => new()
    {
        Index = part.Index,
        EngineId = part.EngineId,
        ObjectType = part.ObjectType,
        RecordKey = part.RecordKey,
        HubSpotId = part.HubSpotId,
        SalesforceId = part.SalesforceId,
        Direction = part.Direction,
        ErrorIds = [.. part.ErrorIds],
        State = part.State.ToWire(),
        ExpectedAt = part.ExpectedAt,
        SentAt = part.SentAt,
        CompletedAt = part.CompletedAt,
        Unconfirmed = part.Unconfirmed,
        Reason = part.Reason,
    };

    public ResyncPart ToPart() => new()
    {
        Index = Index,
        EngineId = EngineId,
        ObjectType = ObjectType,
        RecordKey = RecordKey,
        HubSpotId = HubSpotId,
        SalesforceId = SalesforceId,
        Direction = Direction,
        ErrorIds = ErrorIds,
        State = ResyncWire.ParsePartState(State),
        ExpectedAt = ExpectedAt,
        SentAt = SentAt,
        CompletedAt = CompletedAt,
        Unconfirmed = Unconfirmed,
        Reason = Reason,
    };
}
