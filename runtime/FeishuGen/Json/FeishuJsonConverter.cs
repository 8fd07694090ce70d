using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeishuGen.Json;

/// <summary>
/// A System.Text.Json converter over a generated reader and writer, so generated records plug
/// into JsonSerializer through a resolver without reflection.
/// </summary>
/// <typeparam name="T">The generated record.</typeparam>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class FeishuJsonConverter<T> : JsonConverter<T>
{
    private readonly FeishuJsonRead<T> _read;
    private readonly Action<Utf8JsonWriter, T> _write;

    /// <summary>Creates the converter.</summary>
    /// <param name="read">The generated reader.</param>
    /// <param name="write">The generated writer.</param>
    public FeishuJsonConverter(FeishuJsonRead<T> read, Action<Utf8JsonWriter, T> write)
    {
        _read = read;
        _write = write;
    }

    /// <inheritdoc/>
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value);
}
