using Marketplace.SystemTests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Marketplace.SystemTests.Infrastructure.SystemTestFramework", "Marketplace.SystemTests")]

namespace Marketplace.SystemTests.Infrastructure;

/// <summary>
/// xunit's framework, except that without the servers <c>./test.sh</c> starts (its PostgreSQL cluster, announced by
/// <c>MARKETPLACE_TEST_POSTGRES</c>) every test of this project is reported skipped with <see cref="SystemTestServers.MissingReason"/>
/// instead of failing one by one. Under CI (<c>CI</c> set) nothing is skipped: a missing server fails the run.
/// </summary>
public sealed class SystemTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus,
            ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (SystemTestServers.MissingReason is null)
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            if (!testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
                return true;
            var testCase = new SkippedSystemTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
            return ReportDiscoveredTestCase(testCase, includeSourceInformation, messageBus);
        }
    }
}

/// <summary>A test of this project reported skipped because <c>./test.sh</c>'s servers are not there.</summary>
public sealed class SkippedSystemTestCase : XunitTestCase
{
    /// <summary>For the de-serializer.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedSystemTestCase() { }

    /// <summary>A skipped case of <paramref name="testMethod"/>.</summary>
    public SkippedSystemTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod) { }

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        SystemTestServers.MissingReason ?? base.GetSkipReason(factAttribute);
}

/// <summary>Whether the servers the system tests need are there.</summary>
public static class SystemTestServers
{
    /// <summary>
    /// Null when <c>./test.sh</c> started its servers (or under CI, where a missing server must fail); otherwise why the
    /// system tests are skipped, naming the command that runs them.
    /// </summary>
    public static string? MissingReason =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Marketplace.Tests.Infrastructure.PostgresTestServer.Variable))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? null
            : "System test skipped: it needs the servers ./test.sh installs and starts (Chromium, PostgreSQL, s3rver). Run ./test.sh "
              + "(all tests) or ./test.sh --filter FullyQualifiedName~Marketplace.SystemTests.";
}
