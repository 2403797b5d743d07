namespace EventSync.Contracts;

/// <summary>
/// Published by the API when a person assigned errors to someone: the notification worker emails the assignee when the
/// assignee is an email address. A repeat of the same assignment may publish it again.
/// </summary>
public sealed record ErrorsAssigned
{
    /// <summary>The most error ids one message carries; a larger assignment is published in parts.</summary>
    public const int MaxErrorIds = 1000;

    public required string TenantId { get; init; }

    /// <summary>Who the errors are assigned to, as typed: an email address or a name.</summary>
    public required string Assignee { get; init; }

    /// <summary>Who assigned them: the name of the API key.</summary>
    public required string AssignedBy { get; init; }

    /// <summary>The ids of the errors now assigned to <see cref="Assignee"/> (at most <see cref="MaxErrorIds"/>).</summary>
    public required IReadOnlyList<string> ErrorIds { get; init; }

    public required DateTimeOffset AssignedAt { get; init; }
}
