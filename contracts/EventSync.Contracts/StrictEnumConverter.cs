using System.Text.Json.Serialization;

namespace EventSync.Contracts;

/// <summary>Enums travel as their names only: a number on the wire is refused, as the schemas say.</summary>
public sealed class StrictEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;
