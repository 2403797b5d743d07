using EventSync.Contracts;

namespace EventSync.Api.Ingestion;

/// <summary>
/// Makes accepted failure events durable. The API answers 202 only after <see cref="AcceptAsync"/> returned: an exception
/// means nothing can be promised, and the request is answered 503.
/// </summary>
public interface IFailureIntake
{
    Task AcceptAsync(IReadOnlyList<SyncFailureReported> failures, CancellationToken cancellationToken);
}
