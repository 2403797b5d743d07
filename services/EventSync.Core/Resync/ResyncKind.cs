using System.Text.Json.Serialization;

namespace EventSync.Core.Resync;

/// <summary>Who asked: an operator (through the API) or the resync worker itself, retrying a transient failure.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResyncKind>))]
public enum ResyncKind
{
    [JsonStringEnumMemberName("operator")]
    Operator,

    [JsonStringEnumMemberName("automatic")]
    Automatic,
}
