namespace EventSync.Cli;

/// <summary>Opens a named file, or standard input for <c>-</c> or no name.</summary>
internal static class InputFiles
{
    /// <summary>The named file's bytes, read sequentially without a second buffer; null for standard input (<c>-</c> or no name).</summary>
    public static FileStream? OpenBytes(string? path) =>
        path is null or "-" ? null : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);

    /// <summary>A problem with the file itself, in words for the person at the terminal; null when it can be read.</summary>
    public static string? Problem(string? path) =>
        path is null or "-" || File.Exists(path) ? null : $"error: the file '{path}' does not exist.";
}
