using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FeishuGen.Json;

/// <summary>System.Text.Json metadata built on generated shapes (the generated resolver is one line per record).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FeishuJsonShapes
{
    /// <summary>The type info of a record, read and written by its shape.</summary>
    /// <typeparam name="T">The record.</typeparam>
    /// <param name="options">The options asking.</param>
    /// <param name="shape">The record's shape.</param>
    /// <returns>The type info.</returns>
    public static JsonTypeInfo TypeInfo<T>(JsonSerializerOptions options, FeishuJsonShape<T> shape)
        where T : class
        => JsonMetadataServices.CreateValueInfo<T>(options, new ShapeConverter<T>(shape));

    private sealed class ShapeConverter<T>(FeishuJsonShape<T> shape) : JsonConverter<T>
        where T : class
    {
        public override bool HandleNull => false;

        public override T? Read(ref Utf8JsonReader reader, System.Type typeToConvert, JsonSerializerOptions options) => shape.Read(ref reader);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => shape.Write(writer, value);
    }
}
