using System;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Events;

/// <summary>
/// Where <see cref="FeishuEventHandlingMode.Durable"/> keeps acknowledged events until their
/// handlers succeed (FeishuGen.Redis's <c>FeishuRedisEventStream</c>). The dispatcher appends; the
/// queue's own consumers hand each event back through <see cref="FeishuEventDispatcher.HandleStoredAsync"/>.
/// </summary>
public interface IFeishuDurableEventQueue
{
    /// <summary>
    /// Stores the event before Feishu gets its answer. Deduplicates on the event id: a repeat of an
    /// event already stored (Feishu sending again after a lost answer) returns false and is not stored twice.
    /// </summary>
    /// <param name="header">The envelope's header (id and type).</param>
    /// <param name="json">The whole event as received (decrypted).</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>True when stored, false for a repeat.</returns>
    /// <exception cref="Exception">The store failed: the event is answered 500 and Feishu sends it again.</exception>
    ValueTask<bool> AppendAsync(FeishuEventHeader header, ReadOnlyMemory<byte> json, CancellationToken cancellationToken);
}
