namespace EventSync.ServiceDefaults.Messaging;

/// <summary>A message that can never be processed: it goes to the error queue with this reason, without retries.</summary>
public sealed class InvalidMessageException : Exception
{
    public InvalidMessageException(string message)
        : base(message)
    {
    }

    public InvalidMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidMessageException()
    {
    }
}
