namespace FeishuGen.Redis;

/// <summary>
/// The stream's changes that must happen together, as Lua scripts (Redis runs each atomically):
/// a crash can never leave an event marked seen but not stored, acknowledged but not deleted, or
/// dead-lettered and still pending.
/// </summary>
internal static class RedisScripts
{
    // KEYS: stream, seen marker. ARGV: window seconds, event id, event type, json.
    // A repeat of a stored event (Feishu sending again after a lost answer) is not stored twice.
    public const string Append = """
        if redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[1]) then
          return redis.call('XADD', KEYS[1], '*', 'event_id', ARGV[2], 'event_type', ARGV[3], 'json', ARGV[4])
        end
        return false
        """;

    // KEYS: stream. ARGV: group, entry ids... Handled: acknowledged and deleted, so the stream's length is its backlog.
    public const string Acknowledge = """
        redis.call('XACK', KEYS[1], ARGV[1], unpack(ARGV, 2))
        return redis.call('XDEL', KEYS[1], unpack(ARGV, 2))
        """;

    // KEYS: stream, dead letters. ARGV: group, entry id, event id, event type, json, reason, attempts, failed at (unix ms).
    public const string DeadLetter = """
        redis.call('XADD', KEYS[2], '*', 'event_id', ARGV[3], 'event_type', ARGV[4], 'json', ARGV[5], 'reason', ARGV[6], 'attempts', ARGV[7], 'failed_at', ARGV[8], 'entry', ARGV[2])
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        return redis.call('XDEL', KEYS[1], ARGV[2])
        """;

    // KEYS: dead letters, stream. ARGV: dead-letter entry id. Back in the stream, out of the dead letters, in one step.
    public const string Replay = """
        local entry = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
        if #entry == 0 then return false end
        local fields = entry[1][2]
        local values = {}
        for i = 1, #fields, 2 do values[fields[i]] = fields[i + 1] end
        redis.call('XADD', KEYS[2], '*', 'event_id', values['event_id'], 'event_type', values['event_type'], 'json', values['json'], 'replayed_from', ARGV[1])
        return redis.call('XDEL', KEYS[1], ARGV[1])
        """;
}
