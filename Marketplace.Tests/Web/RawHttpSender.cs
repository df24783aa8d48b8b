using System.Net.Sockets;
using System.Text;

namespace Marketplace.Tests.Web;

/// <summary>
/// Sends one HTTP/1.1 request over its own TCP connection, writing the body while it reads the answer, and returns the
/// status code the server answered (0 when it closed without one). A large body the server refuses early (413 before
/// reading it) is how Kestrel protects itself: it answers, then closes instead of draining. HttpClient, still writing,
/// often reports that as a send error and loses the answer; reading concurrently sees what Stripe's sender would see.
/// </summary>
public static class RawHttpSender
{
    /// <summary>Sends <paramref name="request"/> to <paramref name="baseAddress"/>; chunked when the content has no length.</summary>
    public static async Task<int> SendAsync(Uri baseAddress, HttpRequestMessage request, TimeSpan timeout)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync();
        var chunked = request.Content?.Headers.ContentLength is null && body.Length > 0;
        var head = new StringBuilder()
            .Append(request.Method.Method).Append(' ').Append(request.RequestUri!.OriginalString).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(baseAddress.Authority).Append("\r\n")
            .Append("Connection: close\r\n");
        foreach (var header in request.Headers) head.Append(header.Key).Append(": ").Append(string.Join(",", header.Value)).Append("\r\n");
        if (request.Content?.Headers.ContentType is { } type) head.Append("Content-Type: ").Append(type).Append("\r\n");
        head.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n").Append("\r\n");

        using var cts = new CancellationTokenSource(timeout);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port, cts.Token);
        var stream = tcp.GetStream();
        var writing = WriteAsync(stream, Encoding.UTF8.GetBytes(head.ToString()), body, chunked, cts.Token);
        var status = await ReadStatusAsync(stream, cts.Token);
        try
        {
            await writing;
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // The server stopped reading after its answer: expected for a refused body.
        }

        return status;
    }

    private static async Task WriteAsync(NetworkStream stream, byte[] head, byte[] body, bool chunked, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(head, cancellationToken);
        const int chunk = 64 * 1024;
        for (var offset = 0; offset < body.Length; offset += chunk)
        {
            var length = Math.Min(chunk, body.Length - offset);
            if (chunked) await stream.WriteAsync(Encoding.ASCII.GetBytes($"{length:x}\r\n"), cancellationToken);
            await stream.WriteAsync(body.AsMemory(offset, length), cancellationToken);
            if (chunked) await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        }

        if (chunked) await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
    }

    private static async Task<int> ReadStatusAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        try
        {
            while (!received.Contains((byte)'\n'))
            {
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (read == 0) return 0;
                received.AddRange(buffer.AsSpan(0, read).ToArray());
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            if (!received.Contains((byte)'\n')) return 0;
        }

        var statusLine = Encoding.ASCII.GetString(received.ToArray()).Split('\n')[0]; // "HTTP/1.1 413 Payload Too Large"
        var parts = statusLine.Split(' ');
        return parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : 0;
    }
}
