using EventSync.Contracts;

namespace EventSync.ServiceDefaults.Messaging.Outbox;

/// <summary>The contract type an outbox message names: only types of the contracts assembly are ever published.</summary>
internal static class OutboxMessageTypes
{
    private const string ContractsNamespace = "EventSync.Contracts.";

    public static Type? Find(string messageType) =>
        messageType.StartsWith(ContractsNamespace, StringComparison.Ordinal)
            ? typeof(SyncErrorClassified).Assembly.GetType(messageType, throwOnError: false)
            : null;
}
