using System.Security.Cryptography;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Marketplace.SystemTests.Browser;

/// <summary>
/// The files a creator picks in the product journey, written to a temporary folder of their own (deleted on dispose):
/// a camera-like JPEG with the place it was taken in its EXIF, and a large PDF.
/// </summary>
public sealed class ProductTestFiles : IDisposable
{
    private ProductTestFiles(string folder) => Folder = folder;

    /// <summary>The folder holding the files.</summary>
    public string Folder { get; }

    /// <summary>The cover picture's path (<c>lighthouse.jpg</c>).</summary>
    public string CoverPath => Path.Combine(Folder, "lighthouse.jpg");

    /// <summary>The PDF's path (<c>guide.pdf</c>).</summary>
    public string PdfPath => Path.Combine(Folder, "guide.pdf");

    /// <summary>The PDF's SHA-256, lower-case hex.</summary>
    public string PdfSha256 { get; private set; } = "";

    /// <summary>
    /// Writes a <paramref name="width"/>×<paramref name="height"/> JPEG (a colour gradient) whose EXIF profile carries a
    /// camera make and GPS latitude/longitude (48°51′24″N 2°21′03″E), checked by reading it back; and a PDF of
    /// <paramref name="pdfBytes"/> bytes: a PDF header, random bytes, <c>%%EOF</c>.
    /// </summary>
    public static ProductTestFiles Create(int width = 4000, int height = 3000, int pdfBytes = 30 * 1024 * 1024)
    {
        var files = new ProductTestFiles(Directory.CreateTempSubdirectory("marketplace-products-").FullName);
        files.WriteCover(width, height);
        files.WritePdf(pdfBytes);
        return files;
    }

    /// <summary>True when <paramref name="jpeg"/> still carries an EXIF segment (APP1 <c>Exif\0\0</c>) or GPS tags.</summary>
    public static bool HasExif(byte[] jpeg)
    {
        if (jpeg.AsSpan().IndexOf("Exif\0\0"u8) >= 0) return true;
        using var image = Image.Load(jpeg);
        return image.Metadata.ExifProfile is { } profile
               && (profile.GetValue(ExifTag.GPSLatitude) is not null || profile.GetValue(ExifTag.GPSLongitude) is not null || profile.Values.Count > 0);
    }

    private void WriteCover(int width, int height)
    {
        using (var image = new Image<Rgb24>(width, height))
        {
            image.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < rows.Height; y++)
                {
                    var row = rows.GetRowSpan(y);
                    for (var x = 0; x < row.Length; x++)
                        row[x] = new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)((x + y) % 256));
                }
            });
            var exif = new ExifProfile();
            exif.SetValue(ExifTag.Make, "Test camera");
            exif.SetValue(ExifTag.GPSLatitudeRef, "N");
            exif.SetValue(ExifTag.GPSLatitude, [new Rational(48, 1), new Rational(51, 1), new Rational(24, 1)]);
            exif.SetValue(ExifTag.GPSLongitudeRef, "E");
            exif.SetValue(ExifTag.GPSLongitude, [new Rational(2, 1), new Rational(21, 1), new Rational(3, 1)]);
            image.Metadata.ExifProfile = exif;
            image.SaveAsJpeg(CoverPath, new JpegEncoder { Quality = 85 });
        }

        using var written = Image.Load(CoverPath);
        if (written.Metadata.ExifProfile?.GetValue(ExifTag.GPSLatitude) is null)
            throw new InvalidOperationException("The generated cover lost its GPS EXIF: the test would prove nothing.");
    }

    private void WritePdf(int size)
    {
        var header = "%PDF-1.7\n"u8.ToArray();
        var trailer = "\n%%EOF\n"u8.ToArray();
        var bytes = new byte[size];
        RandomNumberGenerator.Fill(bytes);
        header.CopyTo(bytes, 0);
        trailer.CopyTo(bytes, size - trailer.Length);
        File.WriteAllBytes(PdfPath, bytes);
        PdfSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the browser: the temporary folder is cleaned by the system later.
        }
    }
}
