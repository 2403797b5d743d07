using System.Runtime.CompilerServices;
using EventSync.Core.Errors;
using EventSync.Storage.Sqlite.Rows;

namespace EventSync.Storage.Sqlite;

/// <summary>
/// Affected records from the index of current errors by record (tenant, record key, id), read in chunks and grouped as
/// they come: memory stays flat however many records a view lists.
/// </summary>
public sealed class SqliteAffectedRecordQueries(SqliteStoreContext context) : IAffectedRecordQueries
{
    private const int ChunkSize = 1000;

    public IAsyncEnumerable<AffectedRecord> AffectedRecordsAsync(ErrorQuery query, CancellationToken cancellationToken)
    {
        ErrorQuerySql.Validate(query);
        return ReadAsync(query, cancellationToken);
    }

    private async IAsyncEnumerable<AffectedRecord> ReadAsync(ErrorQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT record_key, id, object_type, hubspot_id, salesforce_id, error_type FROM sync_errors
            WHERE {ErrorQuerySql.Conditions(query)} AND state < 2 AND record_key >= @recordKey AND (record_key > @recordKey OR id > @id)
            ORDER BY record_key, id LIMIT @limit
            """;
        AffectedRecordGroup? group = null;
        (string RecordKey, string Id) after = (string.Empty, string.Empty);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = context.Read(session => ErrorQuerySql.Bind(session.Command(sql), query)
                .With("@recordKey", after.RecordKey)
                .With("@id", after.Id)
                .With("@limit", ChunkSize)
                .ReadAll(r => (RecordKey: r.GetString(0), Id: r.GetString(1), ObjectType: r.GetString(2), HubSpotId: r.NullableString(3), SalesforceId: r.NullableString(4), ErrorType: r.GetString(5))));
            foreach (var row in rows)
            {
                if (group is not null && !string.Equals(group.RecordKey, row.RecordKey, StringComparison.Ordinal))
                {
                    yield return group.ToRecord();
                    group = null;
                }

                group ??= new AffectedRecordGroup(row.RecordKey, row.ObjectType);
                group.Add(row.ObjectType, row.HubSpotId, row.SalesforceId, row.ErrorType);
            }

            if (rows.Count < ChunkSize)
            {
                break;
            }

            after = (rows[^1].RecordKey, rows[^1].Id);
            await Task.Yield();
        }

        if (group is not null)
        {
            yield return group.ToRecord();
        }
    }
}
