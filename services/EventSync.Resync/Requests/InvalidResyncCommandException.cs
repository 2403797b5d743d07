using System.Runtime.Serialization;

namespace EventSync.Resync.Requests;

/// <summary>
/// A <c>ResyncErrors</c> command that cannot be carried out as sent (too many ids, ids that are not the tenant's). Like a
/// message that cannot be read, it goes to the error queue with this reason at once: retrying would not make it valid.
/// </summary>
public sealed class InvalidResyncCommandException : SerializationException
{
    public InvalidResyncCommandException()
    {
    }

    public InvalidResyncCommandException(string message)
        : base(message)
    {
    }

    public InvalidResyncCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
