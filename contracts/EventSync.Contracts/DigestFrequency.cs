using System.Text.Json.Serialization;

namespace EventSync.Contracts;

/// <summary>How often a tenant's people hear about sync errors.</summary>
[JsonConverter(typeof(StrictEnumConverter<DigestFrequency>))]
public enum DigestFrequency
{
    [JsonStringEnumMemberName("immediate")]
    Immediate,

    [JsonStringEnumMemberName("daily")]
    Daily,

    [JsonStringEnumMemberName("weekly")]
    Weekly,
}
