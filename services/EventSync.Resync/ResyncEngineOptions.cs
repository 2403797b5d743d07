namespace EventSync.Resync;

/// <summary>A MassTransit engine: where its <c>ResyncRecord</c>s are sent.</summary>
public sealed class ResyncEngineOptions
{
    /// <summary>A MassTransit address, such as <c>queue:sf-sync-eu-1</c>.</summary>
    public string Address { get; set; } = "";
}
