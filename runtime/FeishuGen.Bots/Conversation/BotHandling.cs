using System.Globalization;
using System.Threading;

namespace FeishuGen.Bots;

/// <summary>
/// The event being handled, carried through the handler's async flow: every outbound call that
/// takes a uuid derives it from the event id (the first call the id itself, then id-2, id-3, …), so
/// a redelivered event, handled again in the same order, sends nothing twice.
/// </summary>
internal sealed class BotHandling
{
    private static readonly AsyncLocal<BotHandling?> Current = new();
    private int _calls;

    private BotHandling(string eventId) => EventId = eventId;

    public string EventId { get; }

    public static BotHandling? Active => Current.Value;

    public static BotHandling Begin(string eventId)
    {
        var handling = new BotHandling(eventId);
        Current.Value = handling;
        return handling;
    }

    public static void End() => Current.Value = null;

    /// <summary>The next uuid for this handling, or null outside a handler (Feishu then does not deduplicate).</summary>
    public static string? NextUuid()
    {
        if (Current.Value is not { } handling)
        {
            return null;
        }

        var n = Interlocked.Increment(ref handling._calls);
        var id = handling.EventId.Length > 40 ? handling.EventId[..40] : handling.EventId;
        return n == 1 ? id : id + "-" + n.ToString(CultureInfo.InvariantCulture);
    }
}
