namespace EventSync.Contracts.Tests;

/// <summary>
/// The rules in which the service and its JSON Schema part by design, each stated in the schema's descriptions:
/// rules no schema keyword can express, and spellings the service forgives but the contract does not teach.
/// </summary>
internal enum Unstatable
{
    None,

    /// <summary>A timestamp outside 365 days before to 1 day after receipt: the schema has no clock. Service refuses.</summary>
    TimeWindow,

    /// <summary>An error's <c>context</c> over 16 KiB of JSON text, or nested deeper than the reader's 32 levels. Service refuses.</summary>
    ContextSize,

    /// <summary><c>fields</c> as one comma-separated string: the name count and name length apply after splitting. Service refuses.</summary>
    FieldsStringNames,

    /// <summary>Older spellings of source, direction and time (<c>SFDC</c>, <c>to_salesforce</c>, <c>2026-11-28 10:15:00</c>). Service forgives.</summary>
    OlderSpellings,

    /// <summary><c>true</c> or <c>false</c> where an id or code is expected, read as text. Service forgives.</summary>
    BooleansAsText,

    /// <summary>A count written as a string (<c>"48210"</c>), read as the number. Service forgives.</summary>
    NumbersAsText,

    /// <summary>Property names in another case (<c>EventId</c>): names are read case-insensitively. Service forgives.</summary>
    NameCase,
}
