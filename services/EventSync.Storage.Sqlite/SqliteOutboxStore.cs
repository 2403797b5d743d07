using EventSync.Core.Storage;
using EventSync.Storage.Sqlite.Rows;

namespace EventSync.Storage.Sqlite;

/// <summary>
/// The messages waiting in <c>outbox</c>, claimed in the order they were written. A claim is one write transaction, so
/// two processes on the file never lease the same row at once.
/// </summary>
public sealed class SqliteOutboxStore(SqliteStoreContext context) : IOutboxStore
{
    private const string Claim = """
        UPDATE outbox SET lease_until = @until
        WHERE sequence IN (SELECT sequence FROM outbox WHERE lease_until IS NULL OR lease_until <= @now ORDER BY sequence LIMIT @limit)
        RETURNING sequence, message_id, message_type, body
        """;

    private const string Delete = "DELETE FROM outbox WHERE message_id = @id";

    private const string Release = "UPDATE outbox SET lease_until = NULL WHERE message_id = @id";

    public Task<IReadOnlyList<OutboxMessage>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return context.WriteAsync<IReadOnlyList<OutboxMessage>>(
            session => [.. session.Command(Claim)
                .With("@now", now.UtcTicks)
                .With("@until", (now + lease).UtcTicks)
                .With("@limit", limit)
                .ReadAll(r => (Sequence: r.GetInt64(0), Message: new OutboxMessage(Guid.Parse(r.GetString(1)), r.GetString(2), r.GetString(3))))
                .OrderBy(row => row.Sequence)
                .Select(row => row.Message)],
            cancellationToken);
    }

    public Task RemoveAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken) =>
        ForEach(Delete, messageIds, cancellationToken);

    public Task ReleaseAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken) =>
        ForEach(Release, messageIds, cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        context.ReadAsync(session => Convert.ToInt64(session.Command("SELECT count(*) FROM outbox").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    private Task ForEach(string sql, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        return messageIds.Count == 0
            ? Task.CompletedTask
            : context.WriteAsync(session => messageIds.Sum(id => session.Command(sql).With("@id", OutboxRows.Id(id)).ExecuteNonQuery()), cancellationToken);
    }
}
