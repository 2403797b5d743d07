namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// The SyncErrorClassified announcements seen: when each event id was first announced (a Stopwatch timestamp), how many
/// announcements came in all, when the last came, and their occurrences (new, recurring, reopened).
/// </summary>
internal sealed class StoredEventLog
{
    private readonly Dictionary<string, long> _storedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.OrdinalIgnoreCase);
    private long _announcements;
    private long _lastAt;

    public long Announcements => Interlocked.Read(ref _announcements);

    public long LastAt => Interlocked.Read(ref _lastAt);

    public void Note(string eventId, string occurrence, long at)
    {
        lock (_storedAt)
        {
            _storedAt.TryAdd(eventId, at);
            _occurrences[occurrence] = _occurrences.GetValueOrDefault(occurrence) + 1;
            _announcements++;
            _lastAt = Math.Max(_lastAt, at);
        }
    }

    public long? StoredAt(string eventId)
    {
        lock (_storedAt)
        {
            return _storedAt.TryGetValue(eventId, out var at) ? at : null;
        }
    }

    /// <summary>The occurrences counted since the last call.</summary>
    public IReadOnlyDictionary<string, int> TakeOccurrences()
    {
        lock (_storedAt)
        {
            var taken = new Dictionary<string, int>(_occurrences, StringComparer.OrdinalIgnoreCase);
            _occurrences.Clear();
            return taken;
        }
    }
}
