using System.Text.Json;
using EventSync.Contracts;

namespace EventSync.Core.Storage;

/// <summary>
/// A message to be published once the write that produced it committed: written in the same transaction (or the same
/// document) as that write, published by the outbox dispatcher, removed once the broker confirmed it.
/// </summary>
/// <param name="MessageId">Fixed when the message is written; every publication of it carries this id.</param>
/// <param name="MessageType">The full name of the contract type (<c>EventSync.Contracts.SyncErrorClassified</c>).</param>
/// <param name="Body">The message as JSON with the contract's settings (<see cref="ContractJson.Options"/>).</param>
public sealed record OutboxMessage(Guid MessageId, string MessageType, string Body)
{
    /// <summary>A new message with a fresh, time-ordered id.</summary>
    public static OutboxMessage Of<T>(T message)
        where T : class =>
        new(Guid.CreateVersion7(), typeof(T).FullName!, JsonSerializer.Serialize(message, ContractJson.Options));
}
