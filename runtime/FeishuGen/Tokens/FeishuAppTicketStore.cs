using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen;

/// <summary>
/// Holds the latest app_ticket of a store app in memory: your event handler calls
/// <see cref="Set"/> when Feishu pushes the hourly <c>app_ticket</c> event, and the client reads it
/// through <see cref="Provider"/>. For several instances, keep the ticket in a shared store and
/// set <see cref="FeishuClientOptions.AppTicketProvider"/> to read it from there instead.
/// </summary>
public sealed class FeishuAppTicketStore
{
    private string? _ticket;

    /// <summary>The latest ticket, or null before the first event.</summary>
    public string? Current => Volatile.Read(ref _ticket);

    /// <summary>A provider for <see cref="FeishuClientOptions.AppTicketProvider"/>.</summary>
    public System.Func<CancellationToken, ValueTask<string?>> Provider => _ => new ValueTask<string?>(Current);

    /// <summary>Stores the ticket from an <c>app_ticket</c> event.</summary>
    /// <param name="ticket">The event's app_ticket.</param>
    public void Set(string ticket) => Volatile.Write(ref _ticket, ticket);
}
