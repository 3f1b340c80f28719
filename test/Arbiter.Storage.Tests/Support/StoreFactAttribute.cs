using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Arbiter.Storage.Tests.Support;

/// <summary>
/// A fact of the shared store contract: it runs once per concrete test class, and is skipped (with the reason) when the
/// concrete class has a static <c>SkipReason</c> property that returns text, e.g. PostgreSQL not configured outside CI.
/// </summary>
[XunitTestCaseDiscoverer("Arbiter.Storage.Tests.Support.StoreFactDiscoverer", "Arbiter.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Discovers <see cref="StoreFactAttribute"/> tests, skipping them when the concrete class says why.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        var reason = type?.GetProperty("SkipReason", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)?.GetValue(null) as string;
        if (reason is not null)
        {
            yield return new XunitSkippedDataRowTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
            yield break;
        }
        yield return new XunitTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}
