namespace EventSync.Core.Errors;

public static class SyncErrorStates
{
    /// <summary>The states of an error that still needs something done: shown as current errors.</summary>
    public static IReadOnlyList<SyncErrorState> Current { get; } = [SyncErrorState.Open, SyncErrorState.ResyncPending];

    /// <summary>Every state but resolved: what a sync of the record resolves, and what people ignore or assign.</summary>
    public static IReadOnlyList<SyncErrorState> Unresolved { get; } = [SyncErrorState.Open, SyncErrorState.ResyncPending, SyncErrorState.Ignored];

    public static string ToWire(this SyncErrorState state) => state switch
    {
        SyncErrorState.Open => "open",
        SyncErrorState.ResyncPending => "resync-pending",
        SyncErrorState.Resolved => "resolved",
        SyncErrorState.Ignored => "ignored",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
