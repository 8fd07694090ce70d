using System;

namespace FeishuGen.Testing;

public sealed partial class FeishuTestServer
{
    /// <summary>The messaging and CardKit state (see <see cref="FeishuTestServerOptions.SimulateMessaging"/>).</summary>
    /// <exception cref="InvalidOperationException">The server was started without SimulateMessaging.</exception>
    public FeishuTestMessenger Messenger => _handler.Messenger ?? throw new InvalidOperationException("Start the server with FeishuTestServerOptions.SimulateMessaging = true to play the messaging and CardKit endpoints.");
}
