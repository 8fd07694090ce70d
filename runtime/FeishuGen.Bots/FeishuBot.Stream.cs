using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Bots;

public sealed partial class FeishuBot
{
    /// <summary>Opens a streamed reply (see <see cref="BotStream"/>): append text, then complete it.</summary>
    /// <param name="to">Where it goes (a chat, a user, or a reply).</param>
    /// <param name="options">The card's look and the stream's behaviour.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    public Task<BotStream> OpenStreamAsync(BotTarget to, BotStreamOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(to);
        return BotStream.OpenAsync(this, to, options, cancellationToken);
    }

    /// <summary>Streams <paramref name="chunks"/> into one card (or post) at <paramref name="to"/> and completes it.</summary>
    /// <param name="to">Where it goes.</param>
    /// <param name="chunks">The answer as it is produced (a model's tokens).</param>
    /// <param name="options">The card's look and the stream's behaviour.</param>
    /// <param name="cancellationToken">Stops reading <paramref name="chunks"/>; what was produced is still delivered.</param>
    /// <returns>What the stream did: the final text, the updates sent, how the text was delivered.</returns>
    public async Task<BotStreamResult> StreamAsync(BotTarget to, IAsyncEnumerable<string> chunks, BotStreamOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        await using var stream = await OpenStreamAsync(to, options, cancellationToken).ConfigureAwait(false);
        try
        {
            await foreach (var chunk in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                stream.Append(chunk);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: what was produced is delivered below.
        }

        return await stream.CompleteAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Streams an answer replying to <paramref name="message"/>: in its thread in groups (and when it is in a thread).</summary>
    /// <param name="message">The message answered.</param>
    /// <param name="chunks">The answer as it is produced.</param>
    /// <param name="options">The card's look and the stream's behaviour.</param>
    /// <param name="cancellationToken">Stops reading <paramref name="chunks"/>.</param>
    public Task<BotStreamResult> StreamReplyAsync(BotMessage message, IAsyncEnumerable<string> chunks, BotStreamOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var inThread = message.ThreadId is not null || message.ChatType == BotChatType.Group;
        return StreamAsync(BotTarget.ReplyTo(message.MessageId, inThread), chunks, options, cancellationToken);
    }
}
