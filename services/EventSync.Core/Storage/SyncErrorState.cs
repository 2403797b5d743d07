using System.Text.Json.Serialization;

namespace EventSync.Core.Storage;

/// <summary>open -> resync-pending -> resolved; back to open when the record fails again.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SyncErrorState>))]
public enum SyncErrorState
{
    [JsonStringEnumMemberName("open")]
    Open,

    [JsonStringEnumMemberName("resync-pending")]
    ResyncPending,

    [JsonStringEnumMemberName("resolved")]
    Resolved,
}
