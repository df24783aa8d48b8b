using Marketplace.StripeGateway;

namespace Marketplace.UnitTests.StripeGateway;

public sealed class StripeReadMemoTests
{
    private sealed record Thing(string Id, int Version);

    private int _reads;

    private Task<Thing> ReadAsync(string id) => Task.FromResult(new Thing(id, Interlocked.Increment(ref _reads)));

    [Fact]
    public async Task ReadAsync_SameObjectTwiceInAMemo_OneReadShared()
    {
        using var memo = StripeReadMemo.Begin();

        var reads = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => StripeReadMemo.ReadAsync("sub_1", () => ReadAsync("sub_1")))));
        var other = await StripeReadMemo.ReadAsync("sub_2", () => ReadAsync("sub_2"));

        reads.Should().OnlyContain(t => t.Version == reads[0].Version);
        other.Id.Should().Be("sub_2");
        (memo.Memo.Requested, memo.Memo.Sent).Should().Be((6, 2));
    }

    [Fact]
    public async Task ReadAsync_NoMemo_ReadEveryTime()
    {
        await StripeReadMemo.ReadAsync("sub_1", () => ReadAsync("sub_1"));
        await StripeReadMemo.ReadAsync("sub_1", () => ReadAsync("sub_1"));

        _reads.Should().Be(2);
    }

    [Fact]
    public async Task ReadAsync_AfterAWrite_ReadAgain()
    {
        using var memo = StripeReadMemo.Begin();
        var before = await StripeReadMemo.ReadAsync("sub_1", () => ReadAsync("sub_1"));

        StripeReadMemo.Writing();
        var after = await StripeReadMemo.ReadAsync("sub_1", () => ReadAsync("sub_1"));

        after.Version.Should().BeGreaterThan(before.Version);
    }

    [Fact]
    public async Task ReadAsync_FailedRead_NotKept()
    {
        using var memo = StripeReadMemo.Begin();
        var failing = () => StripeReadMemo.ReadAsync<Thing>("sub_1", () => throw new HttpRequestException("down"));
        await failing.Should().ThrowAsync<HttpRequestException>();

        var read = await StripeReadMemo.ReadAsync("sub_1", () => ReadAsync("sub_1"));

        read.Version.Should().Be(1);
    }
}
