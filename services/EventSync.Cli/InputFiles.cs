namespace EventSync.Cli;

/// <summary>Opens a named file, or standard input for <c>-</c> or no name.</summary>
internal static class InputFiles
{
    public static TextReader Open(string? path, TextReader standardInput) =>
        path is null or "-" ? standardInput : new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    /// <summary>A problem with the file itself, in words for the person at the terminal; null when it can be read.</summary>
    public static string? Problem(string? path) =>
        path is null or "-" || File.Exists(path) ? null : $"error: the file '{path}' does not exist.";
}
