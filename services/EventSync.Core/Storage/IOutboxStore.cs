namespace EventSync.Core.Storage;

/// <summary>
/// The messages waiting to be published, written by the stores together with the changes they announce. Several
/// dispatchers may share one store: a claim leases its messages, so that they are not published twice at once; a
/// lease that runs out (a dispatcher that died) gives them to the next claim. Implementations pass the store contract tests.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Leases up to <paramref name="limit"/> messages no live lease holds until <paramref name="now"/> + <paramref name="lease"/>, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken);

    /// <summary>Removes messages that were published; unknown ids are ignored.</summary>
    Task RemoveAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken);

    /// <summary>Ends the lease of messages that could not be published, so that the next claim takes them again.</summary>
    Task ReleaseAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken);

    /// <summary>How many messages wait, leased or not.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}
