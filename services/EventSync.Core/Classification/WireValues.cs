namespace EventSync.Core.Classification;

/// <summary>Reads the wire's <c>source</c> and <c>direction</c> strings, forgiving case and separators.</summary>
public static class WireValues
{
    public static bool TryParseSource(string? value, out FailureSource source)
    {
        source = Letters(value) switch
        {
            "" => FailureSource.Unspecified,
            "salesforce" or "sf" or "sfdc" => FailureSource.Salesforce,
            "hubspot" or "hs" => FailureSource.HubSpot,
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
            "" => SyncDirection.Unspecified,
            "tosalesforce" or "hubspottosalesforce" or "outbound" => SyncDirection.ToSalesforce,
            "tohubspot" or "salesforcetohubspot" or "inbound" => SyncDirection.ToHubSpot,
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
