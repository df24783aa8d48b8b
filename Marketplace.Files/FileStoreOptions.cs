using System.ComponentModel.DataAnnotations;

namespace Marketplace.Files;

/// <summary>The file store's settings, section <c>Files</c>.</summary>
public sealed class FileStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Files";

    /// <summary><c>Local</c> (the default): files on this machine's disk under <see cref="LocalDirectory"/>.</summary>
    public FileStoreProvider Provider { get; set; } = FileStoreProvider.Local;

    /// <summary>The folder of the local store, absolute or relative to the content root; <c>App_Data/files</c> by default.</summary>
    [Required]
    public string LocalDirectory { get; set; } = "App_Data/files";

    /// <summary>How long a stored object no <c>ListingFile</c> names (and an unfinished upload) is kept before the orphan sweep deletes it; 24 h by default.</summary>
    [Range(1, 24 * 365)]
    public int OrphanGraceHours { get; set; } = 24;

    /// <summary>The S3-compatible store's settings (<c>Files:S3:…</c>), read when <see cref="Provider"/> is <c>S3</c>.</summary>
    public S3StoreOptions S3 { get; set; } = new();
}

/// <summary>Where files are stored.</summary>
public enum FileStoreProvider
{
    /// <summary>The local disk (<see cref="LocalFileStore"/>): one process, or processes sharing a mounted folder.</summary>
    Local,

    /// <summary>An S3-compatible object store (<see cref="S3FileStore"/>: AWS S3, MinIO, Cloudflare R2): several web processes, several machines.</summary>
    S3,
}
