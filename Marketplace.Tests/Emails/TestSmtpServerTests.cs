using FluentAssertions;
using MailKit.Net.Smtp;
using MimeKit;

namespace Marketplace.Tests.Emails;

/// <summary>The test SMTP server gives back what MailKit sent, whatever the lines start with.</summary>
public class TestSmtpServerTests
{
    [Theory]
    [InlineData("Votre essai se termine le lundi 21 décembre 2026\n. Votre carte sera alors débitée.")]
    [InlineData(".\n..\n. Une ligne qui commence par un point")]
    public async Task Send_LinesStartingWithAPeriod_ReceivedAsSent(string text)
    {
        using var server = new TestSmtpServer();
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("from@marketplace.test"));
        message.To.Add(MailboxAddress.Parse("to@marketplace.test"));
        message.Subject = "dots";
        message.Body = new TextPart("plain") { Text = text };

        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", server.Port, MailKit.Security.SecureSocketOptions.None);
            await client.SendAsync(message);
            await client.DisconnectAsync(true);
        }
        var received = await server.WaitForAsync("to@marketplace.test");

        received.TextBody!.ReplaceLineEndings("\n").TrimEnd('\n').Should().Be(text);
    }
}
