namespace EventSync.Core.Resync;

/// <summary>The wire names of resync states and kinds, the same in every store and in the API.</summary>
public static class ResyncWire
{
    public const string AutomaticRequester = "automatic";

    public static string ToWire(this ResyncPartState state) => state switch
    {
        ResyncPartState.Queued => "queued",
        ResyncPartState.Deferred => "deferred",
        ResyncPartState.Sent => "sent",
        ResyncPartState.Completed => "completed",
        ResyncPartState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string ToWire(this ResyncKind kind) => kind switch
    {
        ResyncKind.Operator => "operator",
        ResyncKind.Automatic => "automatic",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ResyncPartState ParsePartState(string value) =>
        Enum.GetValues<ResyncPartState>().Single(s => string.Equals(s.ToWire(), value, StringComparison.Ordinal));

    public static ResyncKind ParseKind(string value) =>
        Enum.GetValues<ResyncKind>().Single(k => string.Equals(k.ToWire(), value, StringComparison.Ordinal));

    /// <summary>Parts that still have to go out.</summary>
    public static bool IsWaiting(this ResyncPartState state) => state is ResyncPartState.Queued or ResyncPartState.Deferred;
}
