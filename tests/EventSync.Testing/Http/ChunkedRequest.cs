using System.Text;

namespace EventSync.Testing.Http;

/// <summary>
/// Sends a request whose body is chunked (no Content-Length) over a plain socket (<see cref="RawRequest"/>), as a hostile client would, so that
/// the server learns the body's size only by reading it. Writing stops as soon as the server answers or stops reading:
/// a server that refuses early is seen doing so, instead of the client failing on the closed connection.
/// </summary>
public static class ChunkedRequest
{
    /// <summary><paramref name="prefix"/>, then <paramref name="item"/> joined by commas until at least <paramref name="bytes"/>, then <paramref name="suffix"/>; made as it is sent.</summary>
    public static IEnumerable<string> Repeating(string prefix, string item, long bytes, string suffix)
    {
        const int ItemsPerPiece = 1000;
        yield return prefix;
        var written = (long)prefix.Length;
        var piece = string.Join(',', Enumerable.Repeat(item, ItemsPerPiece));
        for (var first = true; written < bytes; first = false)
        {
            yield return first ? piece : "," + piece;
            written += piece.Length + 1;
        }

        yield return suffix;
    }

    /// <summary>The server's answer, its body read to the end, as a response message.</summary>
    public static Task<HttpResponseMessage> SendAsync(Uri server, HttpMethod method, string path, string? apiKey, IEnumerable<string> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return RawRequest.SendAsync(server, method, path, apiKey, "Transfer-Encoding: chunked", Chunks(body), cancellationToken);
    }

    private static IEnumerable<byte[]> Chunks(IEnumerable<string> body)
    {
        foreach (var piece in body)
        {
            var bytes = Encoding.UTF8.GetBytes(piece);
            yield return [.. Encoding.ASCII.GetBytes($"{bytes.Length:X}\r\n"), .. bytes, .. "\r\n"u8];
        }

        yield return "0\r\n\r\n"u8.ToArray();
    }
}
