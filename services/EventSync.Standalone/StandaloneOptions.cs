namespace EventSync.Standalone;

/// <summary>Settings of the one-process host (section <c>EventSync:Standalone</c>).</summary>
public sealed class StandaloneOptions
{
    public const string Section = "EventSync:Standalone";

    /// <summary>Publish a realistic day of failures through the real pipeline at start-up (<c>--demo</c>).</summary>
    public bool Demo { get; set; }
}
