namespace EventSync.Core.Classification;

/// <summary>The classification rules are malformed; the message names the rule.</summary>
public sealed class ClassificationRulesException : Exception
{
    public ClassificationRulesException(string message)
        : base(message)
    {
    }

    public ClassificationRulesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ClassificationRulesException()
    {
    }
}
