namespace EventSync.Core.Audit;

/// <summary>How long the audit trail is kept, bound from <c>EventSync:Audit</c> by either store.</summary>
public sealed class AuditTrailOptions
{
    public const string SectionName = "EventSync:Audit";

    /// <summary>The shortest <see cref="Retention"/>.</summary>
    public static readonly TimeSpan MinRetention = TimeSpan.FromDays(1);

    /// <summary>The longest <see cref="Retention"/>, well inside what a TTL index takes.</summary>
    public static readonly TimeSpan MaxRetention = TimeSpan.FromDays(3650);

    /// <summary>What start-up says when <see cref="Retention"/> is out of range.</summary>
    public static readonly string RetentionProblem =
        $"{SectionName}:Retention must be between {MinRetention.TotalDays} and {MaxRetention.TotalDays} days.";

    /// <summary>How long an entry is kept after it was recorded.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(400);

    public bool IsValid => Retention >= MinRetention && Retention <= MaxRetention;
}
