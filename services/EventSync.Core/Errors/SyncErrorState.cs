using System.Text.Json.Serialization;

namespace EventSync.Core.Errors;

/// <summary>
/// open -> resync-pending -> resolved; back to open when the record fails again. Ignored is set by a person and left for
/// open when its condition comes (a date, more failures) or the person restores it.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SyncErrorState>))]
public enum SyncErrorState
{
    [JsonStringEnumMemberName("open")]
    Open,

    [JsonStringEnumMemberName("resync-pending")]
    ResyncPending,

    [JsonStringEnumMemberName("resolved")]
    Resolved,

    // Last, so that the stored numbers of the others stay as they are.
    [JsonStringEnumMemberName("ignored")]
    Ignored,
}
