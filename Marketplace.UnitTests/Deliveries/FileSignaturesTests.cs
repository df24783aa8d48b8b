using System.Text;
using Marketplace.Core.Deliveries;

namespace Marketplace.UnitTests.Deliveries;

/// <summary>The extension-versus-first-bytes check of listing file uploads.</summary>
public sealed class FileSignaturesTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1];

    [Theory]
    [InlineData("guide.pdf", "%PDF-1.7\n%âãÏÓ")]
    [InlineData("GUIDE.PDF", "%PDF-1.4\n")]
    [InlineData("book.epub", "PK\x03\x04\x14\0\0\0")]
    [InlineData("report.docx", "PK\x03\x04\x14\0\x06\0")]
    [InlineData("empty.zip", "PK\x05\x06\0\0\0\0")]
    [InlineData("cover.png", "\x89PNG\r\n\x1a\n\0\0\0\x0d")]
    [InlineData("anim.gif", "GIF89a\x01\0\x01\0")]
    [InlineData("song.mp3", "ID3\x04\0\0\0\0")]
    [InlineData("raw.mp3", "\xFF\xFB\x90\x64")]
    [InlineData("clip.mp4", "\0\0\0 ftypisom")]
    [InlineData("old.mov", "\0\0\0\x08wide\0\0")]
    [InlineData("take.wav", "RIFF\x24\x08\0\0WAVEfmt ")]
    [InlineData("voice.ogg", "OggS\0\x02\0\0")]
    [InlineData("master.flac", "fLaC\0\0\0\x22")]
    [InlineData("notes.txt", "anything at all")]
    [InlineData("no-extension", "%PDF-")]
    [InlineData("photo.psd", "8BPS")]
    public void Matches_BytesOfTheExtensionsTypeOrAnUncheckedExtension_True(string name, string head) =>
        FileSignatures.Matches(name, Encoding.Latin1.GetBytes(head)).Should().BeTrue();

    [Fact]
    public void Matches_JpegBytesNamedJpg_True() => FileSignatures.Matches("photo.jpg", Jpeg).Should().BeTrue();

    [Theory]
    [InlineData("guide.pdf")]
    [InlineData("album.zip")]
    [InlineData("book.epub")]
    [InlineData("cover.png")]
    [InlineData("song.mp3")]
    [InlineData("clip.mp4")]
    [InlineData("take.wav")]
    [InlineData("voice.ogg")]
    [InlineData("master.flac")]
    [InlineData("anim.gif")]
    public void Matches_JpegBytesUnderAnotherCheckedExtension_False(string name) =>
        FileSignatures.Matches(name, Jpeg).Should().BeFalse();

    [Theory]
    [InlineData("guide.pdf", "%PD")]
    [InlineData("take.wav", "RIFF\0\0\0\0AVI ")]
    [InlineData("clip.mp4", "\0\0\0\x20moov")]
    public void Matches_ShortOrNearMissBytes_False(string name, string head) =>
        FileSignatures.Matches(name, Encoding.Latin1.GetBytes(head)).Should().BeFalse();
}
