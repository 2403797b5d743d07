using EventSync.Core.Storage;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>An <see cref="OutboxMessage"/> kept in the document whose write it announces (<c>outbox</c> of <c>sync_errors</c>).</summary>
internal sealed class OutboxEntryDocument
{
    /// <summary>The message id as text: time-ordered (version 7), so that sorting on it is sorting by the time it was written.</summary>
    public string MessageId { get; set; } = "";

    public string MessageType { get; set; } = "";

    public string Body { get; set; } = "";

    public static OutboxEntryDocument From(OutboxMessage message) => new()
    {
        MessageId = IdOf(message.MessageId),
        MessageType = message.MessageType,
        Body = message.Body,
    };

    public static string IdOf(Guid messageId) => messageId.ToString("D");

    public OutboxMessage ToMessage() => new(Guid.Parse(MessageId), MessageType, Body);
}
