using EventSync.Core.Storage;

namespace EventSync.Storage.Sqlite.Rows;

/// <summary>The rows of <c>outbox</c>: written in the session's transaction, beside the change they announce.</summary>
internal static class OutboxRows
{
    private const string Insert = "INSERT INTO outbox (message_id, message_type, body) VALUES (@id, @type, @body)";

    public static void Queue(SqliteSession session, IEnumerable<OutboxMessage> messages)
    {
        foreach (var message in messages)
        {
            session.Command(Insert)
                .With("@id", Id(message.MessageId))
                .With("@type", message.MessageType)
                .With("@body", message.Body)
                .ExecuteNonQuery();
        }
    }

    public static string Id(Guid messageId) => messageId.ToString("D");
}
