namespace Marketplace.Core.Deliveries;

/// <summary>
/// Whether a file's first bytes match what its extension says, for the types whose signature ("magic number") is well
/// known: PDF <c>%PDF-</c>; ZIP, EPUB, DOCX, XLSX, PPTX <c>PK\x03\x04</c> (an empty ZIP: <c>PK\x05\x06</c>); PNG
/// <c>\x89PNG\r\n\x1a\n</c>; JPEG <c>FF D8 FF</c>; GIF <c>GIF87a</c>/<c>GIF89a</c>; MP3 an <c>ID3</c> tag or an MPEG
/// frame sync (11 set bits); MP4, M4A, M4V, MOV <c>ftyp</c> at offset 4 (MOV also an old QuickTime first atom:
/// <c>moov</c>, <c>mdat</c>, <c>wide</c>, <c>free</c>, <c>skip</c>); WAV <c>RIFF</c>…<c>WAVE</c>; OGG, OGA, OGV, OPUS
/// <c>OggS</c>; FLAC <c>fLaC</c> (or an <c>ID3</c> tag first). Any other extension (or none) is not checked. Signatures
/// as listed by the formats' specifications (ISO 32000 §7.5.2, PKWARE APPNOTE §4.3.7, PNG §5.2, ISO/IEC 14496-12 §4.3,
/// RFC 3533, the FLAC format page).
/// </summary>
public static class FileSignatures
{
    /// <summary>How many first bytes <see cref="Matches"/> needs to see (fewer when the file is shorter).</summary>
    public const int HeadLength = 12;

    private static readonly Dictionary<string, Func<ReadOnlyMemory<byte>, bool>> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = h => Starts(h, "%PDF-"),
        ["zip"] = h => Starts(h, "PK\x03\x04") || Starts(h, "PK\x05\x06"),
        ["epub"] = Zip,
        ["docx"] = Zip,
        ["xlsx"] = Zip,
        ["pptx"] = Zip,
        ["png"] = h => Starts(h, "\x89PNG\r\n\x1a\n"),
        ["jpg"] = Jpeg,
        ["jpeg"] = Jpeg,
        ["gif"] = h => Starts(h, "GIF87a") || Starts(h, "GIF89a"),
        ["mp3"] = h => Starts(h, "ID3") || (h.Length >= 2 && h.Span[0] == 0xFF && (h.Span[1] & 0xE0) == 0xE0),
        ["mp4"] = Mp4,
        ["m4a"] = Mp4,
        ["m4v"] = Mp4,
        ["mov"] = h => Mp4(h) || At(h, 4, "moov") || At(h, 4, "mdat") || At(h, 4, "wide") || At(h, 4, "free") || At(h, 4, "skip"),
        ["wav"] = h => Starts(h, "RIFF") && At(h, 8, "WAVE"),
        ["ogg"] = Ogg,
        ["oga"] = Ogg,
        ["ogv"] = Ogg,
        ["opus"] = Ogg,
        ["flac"] = h => Starts(h, "fLaC") || Starts(h, "ID3"),
    };

    /// <summary>The extensions checked (lower case, no dot), for documentation and messages.</summary>
    public static IReadOnlyCollection<string> CheckedExtensions => ByExtension.Keys;

    /// <summary>
    /// True when <paramref name="fileName"/>'s extension is not one this class knows, or when <paramref name="head"/>
    /// (the file's first <see cref="HeadLength"/> bytes, or all of a shorter file) starts as that type does.
    /// </summary>
    public static bool Matches(string fileName, ReadOnlyMemory<byte> head) =>
        !ByExtension.TryGetValue(Path.GetExtension(fileName).TrimStart('.'), out var check) || check(head);

    private static bool Zip(ReadOnlyMemory<byte> h) => Starts(h, "PK\x03\x04");

    private static bool Jpeg(ReadOnlyMemory<byte> h) => h.Length >= 3 && h.Span[0] == 0xFF && h.Span[1] == 0xD8 && h.Span[2] == 0xFF;

    private static bool Mp4(ReadOnlyMemory<byte> h) => At(h, 4, "ftyp");

    private static bool Ogg(ReadOnlyMemory<byte> h) => Starts(h, "OggS");

    private static bool Starts(ReadOnlyMemory<byte> h, string ascii) => At(h, 0, ascii);

    private static bool At(ReadOnlyMemory<byte> h, int offset, string latin1)
    {
        if (h.Length < offset + latin1.Length) return false;
        for (var i = 0; i < latin1.Length; i++)
            if (h.Span[offset + i] != (byte)latin1[i]) return false;
        return true;
    }
}
