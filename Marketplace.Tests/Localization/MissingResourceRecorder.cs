using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Tests.Localization;

/// <summary>
/// The app's <see cref="IStringLocalizerFactory"/> with every lookup checked: a key its resource does not have
/// (<see cref="LocalizedString.ResourceNotFound"/>, which ASP.NET Core otherwise answers with the key itself) is recorded
/// with the UI culture and the resource, so a test fails instead of showing English on a French page. View, HTML and
/// DataAnnotations localizers all go through this factory.
/// </summary>
public sealed class MissingResourceRecorder(IStringLocalizerFactory inner) : IStringLocalizerFactory
{
    private readonly ConcurrentQueue<string> _missing = new();

    /// <summary>Each lookup that found nothing: <c>fr Marketplace.Web.Resources.Views.Home.Index: Sell what you create.</c></summary>
    public IReadOnlyCollection<string> Missing => _missing;

    /// <summary>Forgets what was recorded so far.</summary>
    public void Clear() => _missing.Clear();

    /// <inheritdoc />
    public IStringLocalizer Create(Type resourceSource) => new Checked(inner.Create(resourceSource), resourceSource.FullName!, this);

    /// <inheritdoc />
    public IStringLocalizer Create(string baseName, string location) => new Checked(inner.Create(baseName, location), baseName, this);

    private sealed class Checked(IStringLocalizer inner, string resource, MissingResourceRecorder recorder) : IStringLocalizer
    {
        public LocalizedString this[string name] => Check(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Check(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Check(LocalizedString text)
        {
            if (text.ResourceNotFound) recorder._missing.Enqueue($"{CultureInfo.CurrentUICulture.Name} {resource}: {text.Name}");
            return text;
        }
    }
}
