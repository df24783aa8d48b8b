namespace Marketplace.StripeEmulator;

/// <summary>Standalone entry point (a namespaced class: a top-level <c>Program</c> would clash with the web app's in tests).</summary>
public static class EmulatorProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/", () => "Stripe emulator");
        app.Run();
    }
}
