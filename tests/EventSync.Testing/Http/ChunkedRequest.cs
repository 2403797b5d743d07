using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace EventSync.Testing.Http;

/// <summary>
/// Sends a request whose body is chunked (no Content-Length) over a plain socket, as a hostile client would, so that
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
    public static async Task<HttpResponseMessage> SendAsync(Uri server, HttpMethod method, string path, string? apiKey, IEnumerable<string> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(body);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, deadline.Token);
        var stream = client.GetStream();
        var reading = ReadToEndAsync(stream, deadline.Token);
        var key = apiKey is null ? "" : $"X-Api-Key: {apiKey}\r\n";
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"{method} {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n{key}Connection: close\r\n\r\n"), deadline.Token);
            foreach (var piece in body)
            {
                if (reading.IsCompleted)
                {
                    break;
                }

                var bytes = Encoding.UTF8.GetBytes(piece);
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{bytes.Length:X}\r\n"), deadline.Token);
                await stream.WriteAsync(bytes, deadline.Token);
                await stream.WriteAsync("\r\n"u8.ToArray(), deadline.Token);
            }

            if (!reading.IsCompleted)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), deadline.Token);
            }
        }
        catch (IOException)
        {
            // The server stopped reading and closed the connection: what it answered before is what counts.
        }

        return Parse(await reading);
    }

    private static async Task<byte[]> ReadToEndAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the answer (the server closed with our body unread) ends the answer as well as a close does.
        }

        return received.ToArray();
    }

    private static HttpResponseMessage Parse(byte[] received)
    {
        var text = Encoding.UTF8.GetString(received);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, $"No complete answer from the server: '{text}'");
        var lines = text[..end].Split("\r\n");
        var response = new HttpResponseMessage((HttpStatusCode)int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Select(p => (Name: p[0].Trim(), Value: p[1].Trim())).ToList();
        var chunked = headers.Any(h => h.Name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase));
        var body = text[(end + 4)..];
        response.Content = new StringContent(chunked ? Dechunk(body) : body);
        response.Content.Headers.ContentType = null;
        foreach (var (name, value) in headers.Where(h => !h.Name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && !h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    // The answers here are ASCII JSON, so chunk sizes in bytes are sizes in characters.
    private static string Dechunk(string body)
    {
        var result = new StringBuilder();
        var at = 0;
        while (true)
        {
            var lineEnd = body.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(body[at..lineEnd].Split(';')[0], 16);
            if (size == 0)
            {
                return result.ToString();
            }

            result.Append(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
