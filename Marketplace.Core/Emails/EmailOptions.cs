using System.ComponentModel.DataAnnotations;

namespace Marketplace.Core.Emails;

/// <summary>
/// Email sending, section <c>Email</c>. With <c>Email:Smtp:Host</c> set, messages go to that SMTP server (MailKit);
/// without it they are written as <c>.eml</c> files to <see cref="PickupDirectory"/> and their path is logged.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>The sender, e.g. <c>Marketplace &lt;no-reply@market.example.com&gt;</c>.</summary>
    [Required]
    public string From { get; set; } = "Marketplace <no-reply@marketplace.local>";

    /// <summary>Where messages are written without an SMTP host, relative to the content root.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "App_Data/mail";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Section <c>Email:Smtp</c>.</summary>
    public sealed class SmtpSettings
    {
        /// <summary>Empty: no SMTP, write <c>.eml</c> files.</summary>
        public string? Host { get; set; }

        [Range(1, 65535)]
        public int Port { get; set; } = 25;

        /// <summary>Empty: no authentication.</summary>
        public string? UserName { get; set; }

        public string? Password { get; set; }

        /// <summary>Upgrade the connection with STARTTLS (required when true).</summary>
        public bool UseStartTls { get; set; }

        /// <summary>Connect, send and disconnect within this many seconds.</summary>
        [Range(1, 600)]
        public int TimeoutSeconds { get; set; } = 30;
    }
}
