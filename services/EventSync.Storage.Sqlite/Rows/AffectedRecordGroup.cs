using EventSync.Core.Errors;

namespace EventSync.Storage.Sqlite.Rows;

/// <summary>The current errors of one record, collected into an <see cref="AffectedRecord"/>.</summary>
internal sealed class AffectedRecordGroup(string recordKey, string objectType)
{
    private readonly SortedSet<string> _errorTypes = new(StringComparer.Ordinal);
    private string _objectType = objectType;
    private string? _hubSpotId;
    private string? _salesforceId;

    public string RecordKey { get; } = recordKey;

    public void Add(string objectType, string? hubSpotId, string? salesforceId, string errorType)
    {
        if (string.CompareOrdinal(objectType, _objectType) < 0)
        {
            _objectType = objectType;
        }

        _hubSpotId ??= hubSpotId;
        _salesforceId ??= salesforceId;
        _errorTypes.Add(errorType);
    }

    public AffectedRecord ToRecord() => new(_objectType, _hubSpotId, _salesforceId, [.. _errorTypes]);
}
