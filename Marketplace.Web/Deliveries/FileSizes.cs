using System.Globalization;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Deliveries;

/// <summary>Byte counts for people, in binary units: <c>1.5 MB</c> in English, <c>1,5 Mo</c> in French.</summary>
public static class FileSizes
{
    private static readonly string[] Units = ["{0} B", "{0} KB", "{0} MB", "{0} GB", "{0} TB"];

    /// <summary><paramref name="bytes"/> in the largest unit (of 1024) that keeps the number at least 1, one decimal past bytes.</summary>
    public static string Format(long bytes, IStringLocalizer<SharedResource> text)
    {
        var unit = 0;
        var value = (double)bytes;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        var number = unit == 0 ? bytes.ToString("N0", CultureInfo.CurrentCulture) : value.ToString("0.#", CultureInfo.CurrentCulture);
        return text[Units[unit], number];
    }
}
