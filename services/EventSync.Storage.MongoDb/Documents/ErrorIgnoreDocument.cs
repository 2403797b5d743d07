using EventSync.Core.Errors;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>An <see cref="ErrorIgnore"/> inside its error's document, while the error is ignored.</summary>
internal sealed class ErrorIgnoreDocument
{
    public string IgnoredBy { get; set; } = "";

    public DateTimeOffset IgnoredAt { get; set; }

    public DateTimeOffset? Until { get; set; }

    public long? UntilOccurrences { get; set; }

    public long? ReopenAtOccurrences { get; set; }

    public string? Reason { get; set; }

    public static ErrorIgnoreDocument From(ErrorIgnore ignore) => new()
    {
        IgnoredBy = ignore.IgnoredBy,
        IgnoredAt = ignore.IgnoredAt,
        Until = ignore.Until,
        UntilOccurrences = ignore.UntilOccurrences,
        ReopenAtOccurrences = ignore.ReopenAtOccurrences,
        Reason = ignore.Reason,
    };

    public ErrorIgnore ToIgnore() => new()
    {
        IgnoredBy = IgnoredBy,
        IgnoredAt = IgnoredAt,
        Until = Until,
        UntilOccurrences = UntilOccurrences,
        ReopenAtOccurrences = ReopenAtOccurrences,
        Reason = Reason,
    };
}
