using Marketplace.Core.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class FileDownloadConfiguration : IEntityTypeConfiguration<FileDownload>
{
    public void Configure(EntityTypeBuilder<FileDownload> builder)
    {
        builder.Property(d => d.FileName).HasMaxLength(ListingFile.MaxNameLength).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(d => new { d.OrderId, d.ListingFileId });
        builder.HasIndex(d => d.ListingFileId);
        builder.HasOne<Orders.Order>().WithMany().HasForeignKey(d => d.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
