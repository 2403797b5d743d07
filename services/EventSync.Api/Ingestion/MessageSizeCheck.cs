using System.Text.Json;
using EventSync.Contracts;

namespace EventSync.Api.Ingestion;

/// <summary>
/// Refuses, at the door, an event that the bus would refuse to read: its JSON plus the envelope must fit the bus's message
/// size limit, or the event would be answered 202 and then parked unread.
/// </summary>
internal static class MessageSizeCheck
{
    /// <summary>Room kept for the envelope around the event (ids, addresses, message types, headers).</summary>
    public const int EnvelopeAllowance = 4 * 1024;

    /// <summary>One problem per event too large to travel, keyed by its position (<c>[3]</c>, or <c>$</c> for a single event).</summary>
    public static Dictionary<string, string[]> Oversized(IReadOnlyList<SyncFailureReported> failures, bool sentAsArray, int maxMessageBytes)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var maxEventBytes = maxMessageBytes - EnvelopeAllowance;
        for (var i = 0; i < failures.Count; i++)
        {
            var size = JsonSerializer.SerializeToUtf8Bytes(failures[i], ContractJson.Options).Length;
            if (size > maxEventBytes)
            {
                problems[sentAsArray ? $"[{i}]" : "$"] = [$"The event is {size} bytes as a message; at most {maxEventBytes} are accepted (shorten its messages or send fewer errors per event)."];
            }
        }

        return problems;
    }
}
