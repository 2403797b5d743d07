using EventSync.Core.Storage;

namespace EventSync.Storage.LiteDb.Documents;

// The current errors of one record, collected into an AffectedRecord.
internal sealed class AffectedRecordGroup(string objectType)
{
    private readonly SortedSet<string> _errorTypes = new(StringComparer.Ordinal);
    private string _objectType = objectType;
    private string? _hubSpotId;
    private string? _salesforceId;

    public void Add(SyncErrorDocument document)
    {
        if (string.CompareOrdinal(document.ObjectType, _objectType) < 0)
        {
            _objectType = document.ObjectType;
        }

        _hubSpotId ??= document.HubSpotId;
        _salesforceId ??= document.SalesforceId;
        _errorTypes.Add(document.ErrorType);
    }

    public AffectedRecord ToRecord() => new(_objectType, _hubSpotId, _salesforceId, [.. _errorTypes]);
}
