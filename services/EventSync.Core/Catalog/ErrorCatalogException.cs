namespace EventSync.Core.Catalog;

/// <summary>The catalog data is malformed; the message names the entry.</summary>
public sealed class ErrorCatalogException : Exception
{
    public ErrorCatalogException(string message)
        : base(message)
    {
    }

    public ErrorCatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ErrorCatalogException()
    {
    }
}
