using EventSync.Core.Storage;

namespace EventSync.Storage.LiteDb.Documents;

// One fingerprint's current unknown errors while they are counted: the records they name, and the one seen last.
internal sealed class UnknownErrorGroupCount(string fingerprint)
{
    private readonly HashSet<string> _records = new(StringComparer.Ordinal);
    private SyncErrorDocument? _last;
    private long _errors;

    public void Add(SyncErrorDocument document)
    {
        _errors++;
        _records.Add(document.RecordKey);
        if (_last is null || document.LastSeenUtcTicks > _last.LastSeenUtcTicks
            || (document.LastSeenUtcTicks == _last.LastSeenUtcTicks && string.CompareOrdinal(document.Id, _last.Id) < 0))
        {
            _last = document;
        }
    }

    public UnknownErrorGroup ToGroup() => new(
        fingerprint,
        _errors,
        _records.Count,
        _last!.StatusCode,
        _last.Message,
        new DateTimeOffset(_last.LastSeenUtcTicks, TimeSpan.Zero));
}
