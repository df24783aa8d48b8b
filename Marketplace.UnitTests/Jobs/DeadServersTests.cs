using Hangfire.Storage.Monitoring;
using Marketplace.Web.Jobs;

namespace Marketplace.UnitTests.Jobs;

public sealed class DeadServersTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime ThisProcessStarted = Now.AddMinutes(-1);
    private readonly DeadServers _rules = new("web-1", processId: 100, ThisProcessStarted, processExists: pid => pid is 100 or 200);

    private static ServerDto Server(string name, DateTime startedAt, DateTime? heartbeat) =>
        new() { Name = name, StartedAt = startedAt, Heartbeat = heartbeat };

    [Fact]
    public void IsDead_ServerNoLongerListed_True() =>
        _rules.IsDead("web-2:300:abc", [], Now).Should().BeTrue();

    [Fact]
    public void IsDead_ThisMachineProcessGone_TrueAtOnce() =>
        _rules.IsDead("web-1:300:abc", [Server("web-1:300:abc", Now.AddHours(-1), Now.AddSeconds(-1))], Now).Should().BeTrue();

    [Fact]
    public void IsDead_ThisMachineProcessRunning_False() =>
        _rules.IsDead("web-1:200:abc", [Server("web-1:200:abc", Now.AddHours(-1), Now.AddSeconds(-1))], Now).Should().BeFalse();

    [Fact]
    public void IsDead_SamePidStartedBeforeThisProcess_True() =>
        _rules.IsDead("web-1:100:old", [Server("web-1:100:old", ThisProcessStarted.AddMinutes(-10), Now.AddSeconds(-2))], Now).Should().BeTrue();

    [Fact]
    public void IsDead_ThisProcessOwnServer_False() =>
        _rules.IsDead("web-1:100:new", [Server("web-1:100:new", ThisProcessStarted.AddSeconds(2), Now.AddSeconds(-2))], Now).Should().BeFalse();

    [Fact]
    public void IsDead_OtherMachineHeartbeatRecent_False() =>
        _rules.IsDead("worker-9:1:abc", [Server("worker-9:1:abc", Now.AddHours(-1), Now.AddSeconds(-10))], Now).Should().BeFalse();

    [Fact]
    public void IsDead_OtherMachineHeartbeatTooOld_True() =>
        _rules.IsDead("worker-9:1:abc", [Server("worker-9:1:abc", Now.AddHours(-1), Now - DeadServers.HeartbeatLostAfter - TimeSpan.FromSeconds(1))], Now)
            .Should().BeTrue();
}
