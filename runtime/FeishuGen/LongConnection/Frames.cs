using System.Linq;
using FeishuGen.LongConnection.Wire;
using Google.Protobuf;

namespace FeishuGen.LongConnection;

/// <summary>Building and reading pbbp2 frames: the header names and the frames the client sends.</summary>
internal static class Frames
{
    public const int Control = 0;
    public const int Data = 1;

    public const string Type = "type";
    public const string MessageId = "message_id";
    public const string Sum = "sum";
    public const string Seq = "seq";
    public const string TraceId = "trace_id";
    public const string BizRt = "biz_rt";

    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Event = "event";
    public const string Card = "card";

    public static string? Header(Frame frame, string key) => frame.Headers.FirstOrDefault(h => h.Key == key)?.Value;

    public static int IntHeader(Frame frame, string key, int fallback)
        => int.TryParse(Header(frame, key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>A ping: a control frame with every required field written.</summary>
    public static Frame NewPing(int serviceId)
    {
        var frame = new Frame { SeqID = 0, LogID = 0, Service = serviceId, Method = Control };
        frame.Headers.Add(new Header { Key = Type, Value = Ping });
        return frame;
    }

    /// <summary>The acknowledgement of a data frame: the same frame, biz_rt added, the ack payload in place of the event.</summary>
    public static Frame NewAck(Frame received, long bizRtMs, byte[] payload)
    {
        var ack = received.Clone();
        ack.Headers.Add(new Header { Key = BizRt, Value = bizRtMs.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        ack.Payload = ByteString.CopyFrom(payload);
        return ack;
    }
}
