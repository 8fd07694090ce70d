using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text;

namespace FeishuGen.Json;

/// <summary>Reads the member at <paramref name="member"/> (an index into the shape's names) into <paramref name="target"/>; -1 is a member the page does not describe.</summary>
/// <typeparam name="T">The record.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void FeishuJsonReadMember<in T>(T target, int member, ref Utf8JsonReader reader);

/// <summary>Writes every member of <paramref name="value"/> that is not null, with the shape's encoded names.</summary>
/// <typeparam name="T">The record.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void FeishuJsonWriteMembers<in T>(Utf8JsonWriter writer, T value, JsonEncodedText[] names);

/// <summary>
/// The JSON metadata of one generated record: how to create it, its members' wire names, and two
/// small generated methods (one line per member) that set and write members by index. The loop over
/// the JSON, the name lookup and the envelope of the object live here, once, instead of in a
/// reader and a writer method per record.
/// </summary>
/// <typeparam name="T">The record.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FeishuJsonShape<T> : FeishuJsonValue<T?>, IFeishuJsonBody
    where T : class
{
    private readonly Func<T> _create;
    private readonly byte[][] _utf8Names;
    private readonly JsonEncodedText[] _names;
    private readonly FeishuJsonReadMember<T> _read;
    private readonly FeishuJsonWriteMembers<T> _write;
    private readonly bool _keepsUnknown;

    /// <summary>Creates the shape.</summary>
    /// <param name="create">Creates an empty record (required members set to their defaults).</param>
    /// <param name="names">The body members' wire names, in the order the generated methods number them.</param>
    /// <param name="read">Sets one member from the reader.</param>
    /// <param name="write">Writes the members.</param>
    /// <param name="keepsUnknown">Whether members the page does not describe are kept (read with index -1) rather than skipped.</param>
    public FeishuJsonShape(Func<T> create, string[] names, FeishuJsonReadMember<T> read, FeishuJsonWriteMembers<T> write, bool keepsUnknown)
    {
        ArgumentNullException.ThrowIfNull(names);
        _create = create ?? throw new ArgumentNullException(nameof(create));
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
        _keepsUnknown = keepsUnknown;
        _utf8Names = new byte[names.Length][];
        _names = new JsonEncodedText[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            _utf8Names[i] = Encoding.UTF8.GetBytes(names[i]);
            _names[i] = JsonEncodedText.Encode(names[i]);
        }

        Reader = (ref Utf8JsonReader reader) => Read(ref reader)!;
    }

    /// <summary>The reader as a delegate, made once (the client and the event dispatcher take delegates).</summary>
    public FeishuJsonRead<T> Reader { get; }

    /// <summary>The client's reply reader for this type, made on first use and reused by every call.</summary>
    internal object? ReplyReader { get; set; }

    /// <summary>An empty record: what a call returns when the reply has no <c>data</c>.</summary>
    /// <returns>A new record.</returns>
    public T Create() => _create();

    /// <inheritdoc/>
    public override T? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        FeishuJsonReader.ExpectObject(ref reader);
        var value = _create();
        var next = 0;
        while (FeishuJsonReader.NextProperty(ref reader))
        {
            var index = Find(ref reader, next);
            if (index >= 0)
            {
                reader.Read();
                _read(value, index, ref reader);
                next = index + 1;
            }
            else if (_keepsUnknown)
            {
                // Left on the name: the generated method keeps the member under it.
                _read(value, -1, ref reader);
            }
            else
            {
                FeishuJsonReader.SkipProperty(ref reader);
            }
        }

        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        _write(writer, value, _names);
        writer.WriteEndObject();
    }

    void IFeishuJsonBody.Write(Utf8JsonWriter writer, object value) => Write(writer, (T)value);

    // Replies usually keep the documented order: the member after the last one found is tried first.
    private int Find(ref Utf8JsonReader reader, int hint)
    {
        var names = _utf8Names;
        if (hint < names.Length && reader.ValueTextEquals(names[hint]))
        {
            return hint;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (i != hint && reader.ValueTextEquals(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Writes a request body held as an object (so a call stores its body without a closure).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFeishuJsonBody
{
    /// <summary>Writes <paramref name="value"/> as a JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">A record of the shape's type.</param>
    void Write(Utf8JsonWriter writer, object value);
}
