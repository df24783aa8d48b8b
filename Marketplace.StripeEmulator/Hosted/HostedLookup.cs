using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Hosted;

/// <summary>Finds the key and object behind a hosted-page id (browsers carry no API key).</summary>
internal static class HostedLookup
{
    public static (KeyState State, Resource Resource)? Find(Emulator emulator, string id, string objectType)
    {
        var state = emulator.Store.FindHosted(id);
        if (state is null) return null;
        lock (state.Gate)
        {
            var resource = state.Find(id);
            return resource is null || resource.ObjectType != objectType ? null : (state, resource);
        }
    }

    public static IResult NotFound(string what) =>
        Html.Page("Not found", $"<p class=\"error\">This {Html.E(what)} does not exist (or the emulator forgot it).</p>", 404);
}
