using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace Marketplace.Tests.Emails;

/// <summary>
/// A real SMTP server (netDumbster) on a free loopback port, started by the test; what arrives is parsed with MimeKit.
/// <see cref="Stop"/> takes it down (the port refuses connections) and <see cref="Start"/> brings it back on the same port.
/// </summary>
public sealed partial class TestSmtpServer : IDisposable
{
    private readonly List<MimeMessage> _before = [];
    private SimpleSmtpServer? _server;

    public TestSmtpServer()
    {
        Port = FreePort();
        Start();
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>The app's settings that send to this server.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:TimeoutSeconds"] = "10",
    };

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (_before)
                return [.. _before, .. Parse(_server)];
        }
    }

    public void Start()
    {
        lock (_before) _server ??= Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(Port).Build();
    }

    /// <summary>Stops listening; the messages received so far are kept.</summary>
    public void Stop()
    {
        lock (_before)
        {
            _before.AddRange(Parse(_server));
            _server?.Stop();
            _server?.Dispose();
            _server = null;
        }
    }

    /// <summary>The messages to <paramref name="to"/>.</summary>
    public IReadOnlyList<MimeMessage> To(string to) =>
        [.. Messages.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits for a message to <paramref name="to"/> that matches, or fails after <paramref name="seconds"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(string to, Func<MimeMessage, bool>? match = null, int seconds = 60) =>
        (await WaitForAllAsync(to, match, 1, seconds))[0];

    /// <summary>Waits for <paramref name="count"/> messages to <paramref name="to"/> that match (returns the first ones, oldest first), or fails after <paramref name="seconds"/>.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAllAsync(string to, Func<MimeMessage, bool>? match, int count, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = To(to).Where(m => match?.Invoke(m) ?? true).Take(count).ToList();
            if (found.Count == count) return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{found.Count} of {count} emails to {to} in {seconds} s. Received: " + string.Join("; ", Messages.Select(m => $"{m.To} \"{m.Subject}\"")));
            await Task.Delay(100);
        }
    }

    /// <summary>How many messages to <paramref name="to"/> have exactly <paramref name="subject"/>.</summary>
    public int CountTo(string to, string? subject) => To(to).Count(m => m.Subject == subject);

    public void Dispose() => Stop();

    private static IEnumerable<MimeMessage> Parse(SimpleSmtpServer? server) =>
        server is null ? [] : server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Unstuff(m.Data))))).ToList();

    /// <summary>
    /// The message as sent, from the DATA that netDumbster keeps as it came over the wire: a sender doubles the period
    /// that starts a line (RFC 5321 §4.5.2, "transparency") and a receiver removes it, which netDumbster does not. A
    /// quoted-printable body whose soft line break falls just before a "." (a date of the right length in a sentence)
    /// otherwise reads "2026.." where the email says "2026.".
    /// </summary>
    internal static string Unstuff(string data) => StuffedLineStart().Replace(data, ".");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=^|\n)\.\.", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex StuffedLineStart();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
