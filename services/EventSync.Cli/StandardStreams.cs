namespace EventSync.Cli;

/// <summary>
/// The process's standard streams as text (for tables and messages) and as bytes (for commands that stream JSON Lines
/// and must not pay for text encoding). Passed in so that tests run the real commands.
/// </summary>
internal sealed record StandardStreams(TextReader In, TextWriter Out, TextWriter Error, Stream InputBytes, Stream OutputBytes)
{
    public static StandardStreams OfConsole() =>
        new(Console.In, Console.Out, Console.Error, Console.OpenStandardInput(), Console.OpenStandardOutput());
}
