namespace EventSync.Core.Classification;

/// <summary>
/// Reads the wire's <c>source</c> and <c>direction</c> strings, forgiving case and separators (<c>Salesforce</c>,
/// <c>salesforce-api</c>, <c>SFDC</c>; <c>to_salesforce</c>, <c>HUBSPOT_TO_SALESFORCE</c>).
/// </summary>
public static class WireValues
{
    public static bool TryParseSource(string? value, out FailureSource source)
    {
        var letters = Letters(value);
        source = letters switch
        {
            // Only an absent value is unspecified: one without letters ("42", "--") is an unknown value.
            "" when string.IsNullOrWhiteSpace(value) => FailureSource.Unspecified,
            "sf" or "sfdc" => FailureSource.Salesforce,
            "hs" => FailureSource.HubSpot,
            _ when letters.StartsWith("salesforce", StringComparison.Ordinal) => FailureSource.Salesforce,
            _ when letters.StartsWith("hubspot", StringComparison.Ordinal) => FailureSource.HubSpot,
            _ => (FailureSource)(-1),
        };
        if (Enum.IsDefined(source))
        {
            return true;
        }

        source = FailureSource.Unspecified;
        return false;
    }

    public static bool TryParseDirection(string? value, out SyncDirection direction)
    {
        direction = Letters(value) switch
        {
            "" when string.IsNullOrWhiteSpace(value) => SyncDirection.Unspecified,
            "tosalesforce" or "hubspottosalesforce" or "hubspotsalesforce" or "outbound" => SyncDirection.ToSalesforce,
            "tohubspot" or "salesforcetohubspot" or "salesforcehubspot" or "inbound" => SyncDirection.ToHubSpot,
            _ => (SyncDirection)(-1),
        };
        if (Enum.IsDefined(direction))
        {
            return true;
        }

        direction = SyncDirection.Unspecified;
        return false;
    }

    public static string ToWire(this FailureSource source) => source switch
    {
        FailureSource.Salesforce => "salesforce",
        FailureSource.HubSpot => "hubspot",
        _ => "",
    };

    public static string ToWire(this SyncDirection direction) => direction switch
    {
        SyncDirection.ToSalesforce => "toSalesforce",
        SyncDirection.ToHubSpot => "toHubSpot",
        _ => "",
    };

    private static string Letters(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        Span<char> buffer = stackalloc char[Math.Min(value.Length, 64)];
        var length = 0;
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, 64)))
        {
            if (char.IsAsciiLetter(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}
