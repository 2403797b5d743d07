namespace EventSync.Core.Notifications;

/// <summary>What <see cref="IDigestClaimStore.TryClaimDigestAsync"/> found.</summary>
public enum DigestClaimOutcome
{
    /// <summary>The caller holds the claim now (new, its own again, or taken over after the lease ran out): it sends.</summary>
    Claimed,

    /// <summary>The digest of that period went out already: nothing to do.</summary>
    AlreadySent,

    /// <summary>Another sender holds a live claim: it sends, this caller does nothing.</summary>
    HeldByAnother,
}
