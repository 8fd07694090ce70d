using System.ComponentModel;
using System.Text.Json;

namespace FeishuGen.Json;

/// <summary>
/// How one C# type is read from and written to JSON, without reflection. Generated records get a
/// <see cref="FeishuJsonShape{T}"/>; strings, numbers, lists and JSON nodes use <see cref="FeishuJsonValues"/>.
/// Generated code builds its JSON metadata from these tables instead of a reader and a writer per record.
/// </summary>
/// <typeparam name="T">The C# type, with its nullability (<c>long?</c> for an optional number).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class FeishuJsonValue<T>
{
    /// <summary>Reads the value at the reader's current token; JSON null gives null (or the default of a required number).</summary>
    /// <param name="reader">The reader, on the value's first token; left on its last token.</param>
    /// <returns>The value.</returns>
    public abstract T Read(ref Utf8JsonReader reader);

    /// <summary>Writes a value that is not null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public abstract void Write(Utf8JsonWriter writer, T value);

    /// <summary>Writes <paramref name="value"/> under <paramref name="name"/>, unless it is null (a required number never is).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded wire name.</param>
    /// <param name="value">The value.</param>
    public void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, T value)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            Write(writer, value);
        }
    }
}
