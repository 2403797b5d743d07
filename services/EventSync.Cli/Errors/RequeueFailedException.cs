namespace EventSync.Cli.Errors;

/// <summary>A requeue that cannot go on, with a message fit for the operator (never a password).</summary>
internal sealed class RequeueFailedException : Exception
{
    public RequeueFailedException()
    {
    }

    public RequeueFailedException(string message)
        : base(message)
    {
    }

    public RequeueFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
