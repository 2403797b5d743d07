using EventSync.Core.Resync;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>
/// A <see cref="ResyncRequestRecord"/> in <c>resync_requests</c>, <c>_id</c> = request id, with its parts inside.
/// <see cref="Waiting"/> (any part queued, deferred or sent without a confirm) is kept for the index the dispatcher and the sweep read.
/// </summary>
internal sealed class ResyncRequestDocument
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string RequestedBy { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }

    public string Kind { get; set; } = "";

    public DateTimeOffset NotBefore { get; set; }

    public ResyncPartDocument[] Parts { get; set; } = [];

    public string[] SkippedErrorIds { get; set; } = [];

    public bool Waiting { get; set; }

    /// <summary>The request finished and its announcement waits for the broker's confirm (the request's outbox).</summary>
    public bool FinishUnannounced { get; set; }

    /// <summary>When the last part finished (completed or failed); absent while any part waits or is out. The TTL index removes the request after the retention.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    public long Version { get; set; }

    public static ResyncRequestDocument From(ResyncRequestRecord request) => new()
    {
        Id = request.RequestId,
        TenantId = request.TenantId,
        RequestedBy = request.RequestedBy,
        RequestedAt = request.RequestedAt,
        Kind = request.Kind.ToWire(),
        NotBefore = request.NotBefore,
        Parts = [.. request.Parts.Select(ResyncPartDocument.From)],
        SkippedErrorIds = [.. request.SkippedErrorIds],
        Waiting = request.IsWaiting,
        FinishUnannounced = request.FinishUnannounced,
        FinishedAt = request.FinishedAt,
        Version = request.Version,
    };

    public ResyncRequestRecord ToRecord() => new()
    {
        RequestId = Id,
        TenantId = TenantId,
        RequestedBy = RequestedBy,
        RequestedAt = RequestedAt,
        Kind = ResyncWire.ParseKind(Kind),
        NotBefore = NotBefore,
        Parts = [.. Parts.Select(p => p.ToPart())],
        SkippedErrorIds = SkippedErrorIds,
        FinishUnannounced = FinishUnannounced,
        Version = Version,
    };
}
