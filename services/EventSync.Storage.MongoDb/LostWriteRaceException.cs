namespace EventSync.Storage.MongoDb;

/// <summary>
/// Thrown inside <see cref="MongoStoreContext.AtomicallyAsync{T}"/> when a write conditional on what was read matched
/// nothing: the transaction is aborted and tried again from the read.
/// </summary>
internal sealed class LostWriteRaceException : Exception
{
    public LostWriteRaceException()
        : base("Another writer changed the document after it was read.")
    {
    }

    public LostWriteRaceException(string message)
        : base(message)
    {
    }

    public LostWriteRaceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
