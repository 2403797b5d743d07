namespace EventSync.Core.Errors;

/// <summary>
/// Which errors of a tenant to list or export. Every filter is optional; text search looks in the message, the status
/// code and the record ids (case-insensitive substring).
/// </summary>
public sealed record ErrorQuery(string TenantId)
{
    public string? ErrorType { get; init; }

    public string? Category { get; init; }

    public SyncErrorState? State { get; init; }

    /// <summary>Only current errors (<see cref="SyncErrorStates.Current"/>: open or resync pending), as the cards count them; with <see cref="State"/> left null.</summary>
    public bool CurrentOnly { get; init; }

    /// <summary>Compared as <see cref="SyncErrorKeys.ObjectType"/> normalises it (<c>Contact</c> is <c>contact</c>).</summary>
    public string? ObjectType { get; init; }

    /// <summary>Errors last seen at or after this instant.</summary>
    public DateTimeOffset? SeenFrom { get; init; }

    /// <summary>Errors last seen before this instant.</summary>
    public DateTimeOffset? SeenTo { get; init; }

    public string? Text { get; init; }

    /// <summary>Errors assigned to this person (exactly as assigned).</summary>
    public string? Assignee { get; init; }

    /// <summary>Only errors assigned to nobody (with <see cref="Assignee"/> left null).</summary>
    public bool Unassigned { get; init; }

    /// <summary>Errors with this fingerprint: one group of the unknown errors (see <see cref="IUnknownErrorGroupQueries"/>).</summary>
    public string? Fingerprint { get; init; }
}
