using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace EventSync.Testing.Http;

/// <summary>
/// Sends a request over a plain socket with the framing a hostile client chooses (chunks, a Content-Length that lies),
/// so that the server learns the body's size only by reading it. Writing stops as soon as the server answers or stops
/// reading: a server that refuses early is seen doing so, instead of the client failing on the closed connection.
/// </summary>
public static class RawRequest
{
    /// <summary>
    /// Sends a request with the Content-Length <paramref name="declaredLength"/> and <paramref name="body"/> as its bytes,
    /// however many they are, and waits for the answer with the connection open: bytes past the declared length are left
    /// for the server to ignore, and a body shorter than declared leaves the server waiting for the rest.
    /// </summary>
    public static Task<HttpResponseMessage> SendWithDeclaredLengthAsync(
        Uri server, HttpMethod method, string path, string? apiKey, long declaredLength, string body, CancellationToken cancellationToken) =>
        SendAsync(server, method, path, apiKey, $"Content-Length: {declaredLength.ToString(CultureInfo.InvariantCulture)}", [Encoding.UTF8.GetBytes(body)], cancellationToken);

    /// <summary>
    /// Sends the head with <paramref name="framing"/> (the header that says how the body ends), then <paramref name="body"/>
    /// piece by piece. The server's answer, read to the end, as a response message.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(
        Uri server, HttpMethod method, string path, string? apiKey, string framing, IEnumerable<byte[]> body, CancellationToken cancellationToken)
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
                $"{method} {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\n{framing}\r\n{key}Connection: close\r\n\r\n"), deadline.Token);
            foreach (var piece in body)
            {
                if (reading.IsCompleted)
                {
                    break;
                }

                await stream.WriteAsync(piece, deadline.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException)
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
        var response = new HttpResponseMessage((HttpStatusCode)int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture));
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
