namespace FeishuGen.Events;

/// <summary>How an event arrived, for the metrics' transport tag.</summary>
internal enum FeishuEventTransport
{
    Webhook,
    LongConnection,
}
