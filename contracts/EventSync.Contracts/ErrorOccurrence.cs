using System.Text.Json.Serialization;

namespace EventSync.Contracts;

/// <summary>How a classified error relates to what was already known about the record.</summary>
[JsonConverter(typeof(StrictEnumConverter<ErrorOccurrence>))]
public enum ErrorOccurrence
{
    /// <summary>No error of this type was recorded for the record before.</summary>
    [JsonStringEnumMemberName("new")]
    New,

    /// <summary>The error is still open and happened again.</summary>
    [JsonStringEnumMemberName("recurring")]
    Recurring,

    /// <summary>The error had been resolved and is back.</summary>
    [JsonStringEnumMemberName("reopened")]
    Reopened,
}
