namespace EventSync.Testing.Hosts;

/// <summary>A data directory of its own for one host, deleted with everything in it afterwards.</summary>
public sealed class TemporaryDataDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "eventsync-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
