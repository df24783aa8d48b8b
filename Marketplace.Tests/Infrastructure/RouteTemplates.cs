using System.Text.RegularExpressions;

namespace Marketplace.Tests.Infrastructure;

/// <summary>Turns the app's route templates into paths a test can request.</summary>
internal static partial class RouteTemplates
{
    /// <summary>A route template with each parameter filled (<c>1</c> for <c>int</c> and <c>long</c>, <c>x</c> otherwise): <c>admin/plans/{id:int}/edit</c> → <c>/admin/plans/1/edit</c>.</summary>
    public static string Fill(string template) =>
        "/" + RouteParameter().Replace(template.TrimStart('/'), m => m.Value.Contains(":int", StringComparison.Ordinal) || m.Value.Contains(":long", StringComparison.Ordinal) ? "1" : "x");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
