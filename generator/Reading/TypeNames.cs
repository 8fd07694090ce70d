namespace FeishuGen.Generator.Reading;

/// <summary>The page's type spellings: primitives, 'x[]' arrays and the lost item type 'undefined'.</summary>
internal static class TypeNames
{
    public static bool IsPrimitive(string type)
        => type is "string" or "integer" or "int" or "int32" or "int64" or "i32" or "i64" or "long" or "boolean" or "bool" or "number" or "float" or "double" or "float64";

    /// <summary>The item type of 'x[]' (or 'list&lt;x&gt;'), or null when <paramref name="type"/> is not an array.</summary>
    public static string? ArrayItem(string type)
    {
        if (type.EndsWith("[]", System.StringComparison.Ordinal))
        {
            return type.Substring(0, type.Length - 2).Trim();
        }

        // Older pages write list<string>, list<i64>.
        if (type.StartsWith("list<", System.StringComparison.OrdinalIgnoreCase) && type.EndsWith(">", System.StringComparison.Ordinal))
        {
            return type.Substring(5, type.Length - 6).Trim();
        }

        return null;
    }
}
