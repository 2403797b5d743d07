using System.Text.Json.Serialization;

namespace EventSync.Core.Resync;

/// <summary>
/// queued -> sent -> completed | failed; queued -> deferred (waiting for API budget or a back-off) -> sent.
/// Only queued and deferred parts are waiting to go out.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResyncPartState>))]
public enum ResyncPartState
{
    [JsonStringEnumMemberName("queued")]
    Queued,

    [JsonStringEnumMemberName("deferred")]
    Deferred,

    [JsonStringEnumMemberName("sent")]
    Sent,

    [JsonStringEnumMemberName("completed")]
    Completed,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
