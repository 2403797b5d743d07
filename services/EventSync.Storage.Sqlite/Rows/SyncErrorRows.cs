using EventSync.Core.Errors;

namespace EventSync.Storage.Sqlite.Rows;

/// <summary>
/// Reads and writes rows of <c>sync_errors</c>: the error whole as JSON, and beside it the columns its queries filter and
/// order on. Every write keeps the card counters in step (<see cref="ErrorCardCounters"/>), in the caller's transaction.
/// </summary>
internal static class SyncErrorRows
{
    private const string SelectById = "SELECT body FROM sync_errors WHERE id = @id";

    private const string Insert = """
        INSERT INTO sync_errors (id, tenant_id, object_type, record_key, hubspot_id, salesforce_id, category, error_type, fingerprint, state, ignored_until, assignee, last_seen, status_code, message, body)
        VALUES (@id, @tenant, @objectType, @recordKey, @hubSpotId, @salesforceId, @category, @errorType, @fingerprint, @state, @ignoredUntil, @assignee, @lastSeen, @statusCode, @message, @body)
        """;

    // Leaves out the columns of the partial indexes but last seen: an error seen again keeps its state, record ids,
    // fingerprint, ignore date and assignee, and SQLite then leaves the indexes of those alone.
    private const string UpdateSeen = """
        UPDATE sync_errors SET last_seen = @lastSeen, status_code = @statusCode, message = @message, body = @body
        WHERE id = @id
        """;

    private const string UpdateAll = """
        UPDATE sync_errors SET hubspot_id = @hubSpotId, salesforce_id = @salesforceId, fingerprint = @fingerprint, state = @state,
            ignored_until = @ignoredUntil, assignee = @assignee, last_seen = @lastSeen, status_code = @statusCode, message = @message, body = @body
        WHERE id = @id
        """;

    public static SyncError Read(string body) => SqliteJson.Read<SyncError>(body, "A sync error");

    public static SyncError? Find(SqliteSession session, string errorId)
    {
        var body = session.Command(SelectById).With("@id", errorId).ReadFirst(r => r.GetString(0));
        return body is null ? null : Read(body);
    }

    /// <summary>The stored errors with these ids, by id.</summary>
    public static Dictionary<string, SyncError> Load(SqliteSession session, IEnumerable<string> errorIds)
    {
        var loaded = new Dictionary<string, SyncError>(StringComparer.Ordinal);
        foreach (var id in errorIds)
        {
            if (!loaded.ContainsKey(id) && Find(session, id) is { } error)
            {
                loaded[id] = error;
            }
        }

        return loaded;
    }

    /// <summary>The tenant's errors with these ids, in the order asked, each once.</summary>
    public static List<SyncError> OfTenant(SqliteSession session, string tenantId, IEnumerable<string> errorIds)
    {
        var loaded = Load(session, errorIds);
        return [.. errorIds
            .Distinct(StringComparer.Ordinal)
            .Select(id => loaded.GetValueOrDefault(id))
            .OfType<SyncError>()
            .Where(e => string.Equals(e.TenantId, tenantId, StringComparison.Ordinal))];
    }

    /// <summary>Writes each error's new state over the state read before (null: a new error) and counts the change on the cards.</summary>
    public static void Write(SqliteSession session, IEnumerable<(SyncError? Before, SyncError After)> writes)
    {
        var deltas = new List<ErrorCardDelta>();
        foreach (var (before, after) in writes)
        {
            WriteOne(session, before, after);
            deltas.AddRange(ErrorCardDelta.Between(before, after));
        }

        ErrorCardCounters.Apply(session, deltas);
    }

    private static void WriteOne(SqliteSession session, SyncError? before, SyncError after)
    {
        var sql = before is null ? Insert
            : before.State == after.State
                && string.Equals(before.HubSpotId, after.HubSpotId, StringComparison.Ordinal)
                && string.Equals(before.SalesforceId, after.SalesforceId, StringComparison.Ordinal)
                && string.Equals(before.Fingerprint, after.Fingerprint, StringComparison.Ordinal)
                && before.Ignore?.Until == after.Ignore?.Until
                && string.Equals(before.Assignee, after.Assignee, StringComparison.Ordinal) ? UpdateSeen
            : UpdateAll;
        var command = session.Command(sql)
            .With("@id", after.Id)
            .With("@lastSeen", after.LastSeen.UtcTicks)
            .With("@statusCode", after.StatusCode)
            .With("@message", after.Message)
            .With("@body", SqliteJson.Write(after));
        if (sql != UpdateSeen)
        {
            command.With("@hubSpotId", after.HubSpotId).With("@salesforceId", after.SalesforceId).With("@fingerprint", after.Fingerprint).With("@state", (int)after.State)
                .With("@ignoredUntil", after.Ignore?.Until?.UtcTicks)
                .With("@assignee", after.Assignee);
        }

        if (sql == Insert)
        {
            command.With("@tenant", after.TenantId)
                .With("@objectType", after.ObjectType)
                .With("@recordKey", after.RecordKey)
                .With("@category", after.Category)
                .With("@errorType", after.ErrorType);
        }

        command.ExecuteNonQuery();
    }
}
