namespace EventSync.Core.Resync;

/// <summary>
/// How the parts of a request move, the same for every store and worker. Each function returns the changed request, or
/// null when nothing would change (so a store leaves it alone and a caller knows it lost a race or repeated itself).
/// </summary>
public static class ResyncRequestTransitions
{
    /// <summary>
    /// A waiting part goes out: queued/deferred -> sent, unconfirmed until <see cref="Confirm"/>. Null when the part is not
    /// waiting (another worker sent it).
    /// </summary>
    public static ResyncRequestRecord? Claim(ResyncRequestRecord request, int partIndex, DateTimeOffset now) =>
        Change(request, p => p.Index == partIndex && p.State.IsWaiting(), p => p with
        {
            State = ResyncPartState.Sent,
            SentAt = now,
            Unconfirmed = true,
            ExpectedAt = null,
            Reason = null,
        });

    /// <summary>The broker confirmed the send of a part claimed at <paramref name="sentAt"/>.</summary>
    public static ResyncRequestRecord? Confirm(ResyncRequestRecord request, int partIndex, DateTimeOffset sentAt) =>
        Change(request, p => IsUnconfirmed(p, partIndex, sentAt), p => p with { Unconfirmed = false });

    /// <summary>
    /// A part whose send was never confirmed (its worker died after the claim) is claimed again to be sent again, now.
    /// Null when another worker did so since <paramref name="sentAt"/> was read, or the send was confirmed meanwhile.
    /// </summary>
    public static ResyncRequestRecord? Reclaim(ResyncRequestRecord request, int partIndex, DateTimeOffset sentAt, DateTimeOffset now) =>
        Change(request, p => IsUnconfirmed(p, partIndex, sentAt), p => p with { SentAt = now });

    /// <summary>A part that was claimed but could not be sent waits again (queued).</summary>
    public static ResyncRequestRecord? Unclaim(ResyncRequestRecord request, int partIndex, DateTimeOffset sentAt) =>
        Change(request, p => p.Index == partIndex && p.State == ResyncPartState.Sent && p.SentAt == sentAt, p => p with
        {
            State = ResyncPartState.Queued,
            SentAt = null,
            Unconfirmed = false,
        });

    /// <summary>Waiting parts that cannot go out yet become deferred, with when they are expected to go and why.</summary>
    public static ResyncRequestRecord? Defer(ResyncRequestRecord request, IReadOnlyDictionary<int, (DateTimeOffset? ExpectedAt, string Reason)> deferrals)
    {
        ArgumentNullException.ThrowIfNull(deferrals);
        return Change(
            request,
            p => p.State.IsWaiting() && deferrals.TryGetValue(p.Index, out var d) && (p.State != ResyncPartState.Deferred || p.ExpectedAt != d.ExpectedAt || p.Reason != d.Reason),
            p => p with { State = ResyncPartState.Deferred, ExpectedAt = deferrals[p.Index].ExpectedAt, Reason = deferrals[p.Index].Reason });
    }

    /// <summary>Sent parts of the record that synced are completed; the change that finishes the request marks it to be announced.</summary>
    public static ResyncRequestRecord? Complete(ResyncRequestRecord request, Func<ResyncPart, bool> isRecord, DateTimeOffset syncedAt)
    {
        ArgumentNullException.ThrowIfNull(isRecord);
        return Finishing(
            request,
            Change(request, p => p.State == ResyncPartState.Sent && isRecord(p), p => p with { State = ResyncPartState.Completed, CompletedAt = syncedAt, Unconfirmed = false, Reason = null }));
    }

    /// <summary>
    /// Sent parts listing the error fail when the error came back after they were sent; the change that finishes the request
    /// marks it to be announced.
    /// </summary>
    public static ResyncRequestRecord? Fail(ResyncRequestRecord request, string errorId, DateTimeOffset failedAt, string reason) =>
        Finishing(
            request,
            Change(
                request,
                p => p.State == ResyncPartState.Sent && p.ErrorIds.Contains(errorId, StringComparer.Ordinal) && failedAt >= p.SentAt,
                p => p with { State = ResyncPartState.Failed, CompletedAt = failedAt, Unconfirmed = false, Reason = reason }));

    /// <summary>The broker confirmed the announcement of the request's finish. Null when it was announced already.</summary>
    public static ResyncRequestRecord? FinishAnnounced(ResyncRequestRecord request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.FinishUnannounced ? request with { FinishUnannounced = false } : null;
    }

    private static ResyncRequestRecord? Finishing(ResyncRequestRecord before, ResyncRequestRecord? after) =>
        after is not null && before.Outcome == "in-progress" && after.Outcome != "in-progress" ? after with { FinishUnannounced = true } : after;

    private static bool IsUnconfirmed(ResyncPart part, int partIndex, DateTimeOffset sentAt) =>
        part.Index == partIndex && part.State == ResyncPartState.Sent && part.Unconfirmed && part.SentAt == sentAt;

    private static ResyncRequestRecord? Change(ResyncRequestRecord request, Func<ResyncPart, bool> applies, Func<ResyncPart, ResyncPart> change)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Parts.Any(applies))
        {
            return null;
        }

        return request with { Parts = [.. request.Parts.Select(p => applies(p) ? change(p) : p)] };
    }
}
