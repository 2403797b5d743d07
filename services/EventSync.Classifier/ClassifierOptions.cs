namespace EventSync.Classifier;

/// <summary>Settings of the classifier worker (section <c>EventSync:Classifier</c>).</summary>
public sealed class ClassifierOptions
{
    public const string Section = "EventSync:Classifier";

    /// <summary>At most this many failure events are classified and written together.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>A batch that is not full is processed after this long.</summary>
    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Batches processed at the same time by one instance.</summary>
    public int BatchConcurrency { get; set; } = 2;

    /// <summary>How often ignored errors whose date came are reopened.</summary>
    public TimeSpan IgnoredErrorCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
