namespace EventSync.Core.Errors;

/// <summary>
/// A person's decision to leave an error off the cards, digests and alerts: until <see cref="Until"/>, until it has failed
/// <see cref="UntilOccurrences"/> more times (it then reopens), or with neither until it is restored.
/// </summary>
public sealed record ErrorIgnore
{
    /// <summary>Who ignored it: the name of the API key.</summary>
    public required string IgnoredBy { get; init; }

    public required DateTimeOffset IgnoredAt { get; init; }

    public DateTimeOffset? Until { get; init; }

    /// <summary>How many more failures reopen it, as asked.</summary>
    public long? UntilOccurrences { get; init; }

    /// <summary>The error's occurrence count that reopens it: its count when ignored plus <see cref="UntilOccurrences"/>.</summary>
    public long? ReopenAtOccurrences { get; init; }

    public string? Reason { get; init; }
}
