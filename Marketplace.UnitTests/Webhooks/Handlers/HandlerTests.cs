namespace Marketplace.UnitTests.Webhooks.Handlers;

/// <summary>
/// The life of a handler test class (xUnit makes one instance per test): a fresh <see cref="HandlerHarness"/> (its own
/// SQLite file, the standard plans, a substitute <c>IStripeGateway</c>) with one creator, <see cref="ArrangeAsync"/> for
/// what the class adds, and the harness disposed after the test.
/// </summary>
public abstract class HandlerTests : IAsyncLifetime
{
    /// <summary>This test's harness.</summary>
    protected HandlerHarness Harness { get; private set; } = null!;

    /// <summary>The creator profile id of the creator every test starts with (no Connect account, no subscription).</summary>
    protected int CreatorId { get; private set; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Harness = await HandlerHarness.CreateAsync();
        CreatorId = await Harness.AddCreatorAsync();
        await ArrangeAsync();
    }

    /// <summary>What the class needs beyond the creator (a price synced, a Connect account linked...); nothing by default.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
